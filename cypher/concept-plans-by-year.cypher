// A concept over time: the plans that mention it, oldest first (by the year the plan speaks of; plans without a year
// last, then by id), each with its mentions and the distinct elements (or sections, or the preamble) holding them.
// The concept comes from its unique id, the mentions are its own MENTIONS edges, each plan from its unique id.
// params: $keys (maps with id (the concept's), offset, first and a string `key` that comes back as the row key)
// returns: key, total, rows
UNWIND $keys AS key
CALL (key) {
  MATCH (c:Concept {id: key.id})<-[r:MENTIONS]-(e:Entity)
  WITH r.planId AS planId, count(r) AS mentionCount, count(DISTINCT e) AS elementCount
  MATCH (p:Plan {id: planId})
  WITH p, mentionCount, elementCount
  ORDER BY p.year IS NULL, p.year, p.id
  RETURN collect({planId: p.id, year: p.year, mentionCount: mentionCount, elementCount: elementCount}) AS items
}
RETURN key.key AS key, size(items) AS total, items[key.offset..key.offset + key.first] AS rows
