// Lead edges into tasks, in the order the marker names the departments.
// params: $ids
// returns: key, row, endpoint
UNWIND $ids AS key
MATCH (d:Department)-[r:LEADS]->(t:Task {id: key})
WITH key, d, r, t
ORDER BY r.start
RETURN key, r {.*, departmentId: d.id, taskId: t.id} AS row, d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']} AS endpoint
