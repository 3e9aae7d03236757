// Departments leading tasks (of one plan or all; of one scope or all), by name or by tasks led, at most $first
// (all when null); with $leads, the LEADS edges out of each (to tasks of $leadsPlanId, or all) in plan and task
// order, their tasks (without long text, with their sub-item count) in the same statement. Across plans a
// department is its resolved node: the tasks of every plan of its scope that names it, by any of its names.
// params: $planId, $scope, $orderBy, $first, $leads, $leadsPlanId
// returns: node, tasks, leads
MATCH (n:Department)-[:LEADS]->(t:Task)
WHERE ($planId IS NULL OR t.planId = $planId) AND ($scope IS NULL OR n.scope = $scope)
WITH n, count(DISTINCT t) AS tasks
ORDER BY CASE WHEN $orderBy = 'TASKS_DESC' THEN -tasks ELSE 0 END, n.name, n.id
LIMIT coalesce($first, 1000000000)
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node, tasks,
  CASE WHEN $leads THEN COLLECT {
    MATCH (n)-[r:LEADS]->(t:Task)
    WHERE $leadsPlanId IS NULL OR t.planId = $leadsPlanId
    WITH r, t
    ORDER BY t.planId, t.number
    RETURN {row: r {.*, departmentId: n.id, taskId: t.id},
      endpoint: t {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(t) WHERE l <> 'Entity'], short: true, subItemCount: COUNT { (t)-[:HAS_SUBITEM]->() }}}
  } END AS leads
