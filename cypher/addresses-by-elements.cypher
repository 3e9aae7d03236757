// ADDRESSES edges out of elements, strongest first.
// params: $ids
// returns: key, row, endpoint
UNWIND $ids AS key
MATCH (e:Entity {id: key})-[r:ADDRESSES]->(p:Problem)
WITH key, e, r, p
ORDER BY r.score DESC, p.number
RETURN key, r {.id, .basis, .score, .rationale, .evidenceJson, fromId: e.id, toId: p.id} AS row, p {.*, labels: [l IN labels(p) WHERE l <> 'Entity']} AS endpoint
