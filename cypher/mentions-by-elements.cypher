// Concept occurrences in an element's own text, in text order.
// params: $ids
// returns: key, row, endpoint
UNWIND $ids AS key
MATCH (e:Entity {id: key})-[r:MENTIONS]->(c:Concept)
WITH key, e, r, c
ORDER BY r.start
RETURN key, r {.*, elementId: e.id, conceptId: c.id} AS row, c {.*, labels: [l IN labels(c) WHERE l <> 'Entity']} AS endpoint
