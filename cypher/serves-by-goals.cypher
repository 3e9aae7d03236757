// SERVES edges into goals, strongest first.
// params: $ids
// returns: key, row, endpoint
UNWIND $ids AS key
MATCH (t:Task)-[r:SERVES]->(g:Goal {id: key})
WITH key, t, r, g
ORDER BY r.score DESC, t.number
RETURN key, r {.id, .basis, .score, .rationale, .evidenceJson, fromId: t.id, toId: g.id} AS row, t {.*, labels: [l IN labels(t) WHERE l <> 'Entity']} AS endpoint
