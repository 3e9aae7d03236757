// ADDRESSES edges into problems, strongest first.
// params: $ids
// returns: key, row, endpoint
UNWIND $ids AS key
MATCH (e:Entity)-[r:ADDRESSES]->(p:Problem {id: key})
WITH key, e, r, p
ORDER BY r.score DESC, e.order
RETURN key, r {.id, .basis, .score, .rationale, .evidenceJson, fromId: e.id, toId: p.id} AS row, e {.*, labels: [l IN labels(e) WHERE l <> 'Entity']} AS endpoint
