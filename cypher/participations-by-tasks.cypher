// Participation edges into tasks (配合, 责任, 参与, 协办 units), in the order the text names them.
// params: $ids
// returns: key, row, endpoint
UNWIND $ids AS key
MATCH (d:Department)-[r:PARTICIPATES]->(t:Task {id: key})
WITH key, d, r, t
ORDER BY r.start
RETURN key, r {.*, departmentId: d.id, taskId: t.id} AS row, d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']} AS endpoint
