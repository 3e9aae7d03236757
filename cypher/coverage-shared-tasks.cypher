// Tasks led by more than one department, with the departments in the order the marker names them.
// params: $planId
// returns: taskId, departmentIds
MATCH (d:Department)-[r:LEADS]->(t:Task)
WHERE $planId IS NULL OR t.planId = $planId
WITH t, d, r
ORDER BY r.start
WITH t, collect(d.id) AS departmentIds
WHERE size(departmentIds) > 1
RETURN t.id AS taskId, departmentIds
ORDER BY t.planId, t.number
