// ADDRESSES edges out of elements, strongest first.
// params: $ids
// returns: key, row
UNWIND $ids AS key
MATCH (e:Entity {id: key})-[r:ADDRESSES]->(p:Problem)
WITH key, e, r, p
ORDER BY r.score DESC, p.number
RETURN key, r {.id, .basis, .score, .rationale, .evidenceJson, fromId: e.id, toId: p.id} AS row
