// Departments leading tasks (of one plan or all), by name or by tasks led; with $leads, the LEADS edges out of
// each (to tasks of $leadsPlanId, or all) in plan and task order, their tasks (without long text, with their
// sub-item count) in the same statement.
// params: $planId, $orderBy, $leads, $leadsPlanId
// returns: node, tasks, leads
MATCH (n:Department)-[:LEADS]->(t:Task)
WHERE $planId IS NULL OR t.planId = $planId
WITH n, count(DISTINCT t) AS tasks
ORDER BY CASE WHEN $orderBy = 'TASKS_DESC' THEN -tasks ELSE 0 END, n.name
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node, tasks,
  CASE WHEN $leads THEN COLLECT {
    MATCH (n)-[r:LEADS]->(t:Task)
    WHERE $leadsPlanId IS NULL OR t.planId = $leadsPlanId
    WITH r, t
    ORDER BY t.planId, t.number
    RETURN {row: r {.*, departmentId: n.id, taskId: t.id},
      endpoint: t {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(t) WHERE l <> 'Entity'], short: true, subItemCount: COUNT { (t)-[:HAS_SUBITEM]->() }}}
  } END AS leads
