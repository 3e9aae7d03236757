// SERVES edges out of tasks, strongest first.
// params: $ids
// returns: key, row, endpoint
UNWIND $ids AS key
MATCH (t:Task {id: key})-[r:SERVES]->(g:Goal)
WITH key, t, r, g
ORDER BY r.score DESC, g.number
RETURN key, r {.id, .basis, .score, .rationale, .evidenceJson, fromId: t.id, toId: g.id} AS row, g {.*, labels: [l IN labels(g) WHERE l <> 'Entity']} AS endpoint
