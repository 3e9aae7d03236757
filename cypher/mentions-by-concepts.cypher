// One page of a concept's occurrences (optionally in one plan) and their total, in plan and text order.
// params: $keys (maps with a string `key` that comes back as the row key)
// returns: key, total, rows
UNWIND $keys AS key
CALL (key) {
  MATCH (e:Entity)-[r:MENTIONS]->(c:Concept {id: key.id})
  WHERE key.planId IS NULL OR r.planId = key.planId
  WITH e, r, c
  ORDER BY r.planId, r.start
  RETURN collect(r {.*, elementId: e.id, conceptId: c.id}) AS items
}
RETURN key.key AS key, size(items) AS total, items[key.offset..key.offset + key.first] AS rows
