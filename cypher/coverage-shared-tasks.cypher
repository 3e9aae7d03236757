// Tasks led by more than one department, with the departments in the order the marker names them.
// params: $planId
// returns: task, departments
MATCH (d:Department)-[r:LEADS]->(t:Task)
WHERE $planId IS NULL OR t.planId = $planId
WITH t, d, r
ORDER BY r.start
WITH t, collect(d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']}) AS departments
WHERE size(departments) > 1
RETURN t {.*, labels: [l IN labels(t) WHERE l <> 'Entity']} AS task, departments
ORDER BY t.planId, t.number
