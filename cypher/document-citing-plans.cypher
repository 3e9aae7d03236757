// The loaded plans that cite a document, oldest first (by the year the plan speaks of; plans without a year last, then
// by id), each with how many times it cites it and its first citation in text order (quote and span). The document
// comes from its unique id, the citations are its own CITES edges, each plan from its unique id.
// params: $keys (maps with id (the document's), offset, first and a string `key` that comes back as the row key)
// returns: key, total, rows
UNWIND $keys AS key
CALL (key) {
  MATCH (d:Document {id: key.id})<-[r:CITES]-(e:Entity)
  WITH d, r, e
  ORDER BY r.start, r.id
  WITH r.planId AS planId, collect(r {.*, elementId: e.id, documentId: d.id}) AS citations
  MATCH (p:Plan {id: planId})
  WITH p, citations
  ORDER BY p.year IS NULL, p.year, p.id
  RETURN collect({planId: p.id, year: p.year, citationCount: size(citations), first: citations[0]}) AS items
}
RETURN key.key AS key, size(items) AS total, items[key.offset..key.offset + key.first] AS rows
