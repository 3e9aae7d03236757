// ADDRESSES edges into problems, strongest first; the other end as a short row (no long text: `full` fetches it when asked).
// params: $ids
// returns: key, row, endpoint
UNWIND $ids AS key
MATCH (e:Entity)-[r:ADDRESSES]->(p:Problem {id: key})
WITH key, e, r, p
ORDER BY r.score DESC, e.order
RETURN key, r {.id, .basis, .score, .rationale, .evidenceJson, fromId: e.id, toId: p.id} AS row, e {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(e) WHERE l <> 'Entity'], short: true} AS endpoint
