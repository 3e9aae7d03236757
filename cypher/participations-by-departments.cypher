// Participation edges out of departments (optionally of one plan), in plan and task order.
// params: $keys (maps with a string `key` that comes back as the row key)
// returns: key, row, endpoint
UNWIND $keys AS key
MATCH (d:Department {id: key.id})-[r:PARTICIPATES]->(t:Task)
WHERE key.planId IS NULL OR t.planId = key.planId
WITH key, d, r, t
ORDER BY t.planId, t.number
RETURN key.key AS key, r {.*, departmentId: d.id, taskId: t.id} AS row, t {.*, labels: [l IN labels(t) WHERE l <> 'Entity']} AS endpoint
