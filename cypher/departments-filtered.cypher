// Departments leading tasks (of one plan or all), by name or by tasks led.
// params: $planId, $orderBy
// returns: node, tasks
MATCH (n:Department)-[:LEADS]->(t:Task)
WHERE $planId IS NULL OR t.planId = $planId
WITH n, count(DISTINCT t) AS tasks
ORDER BY CASE WHEN $orderBy = 'TASKS_DESC' THEN -tasks ELSE 0 END, n.name
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node, tasks
