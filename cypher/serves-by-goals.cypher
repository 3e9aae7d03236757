// SERVES edges into goals, strongest first; the other end as a short row (no long text: `full` fetches it when asked).
// params: $ids
// returns: key, row, endpoint
UNWIND $ids AS key
MATCH (t:Task)-[r:SERVES]->(g:Goal {id: key})
WITH key, t, r, g
ORDER BY r.score DESC, t.number
RETURN key, r {.id, .basis, .score, .rationale, .evidenceJson, fromId: t.id, toId: g.id} AS row, t {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(t) WHERE l <> 'Entity'], short: true} AS endpoint
