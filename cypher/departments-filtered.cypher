// Departments leading tasks (of one plan or all; of one scope or all), by name or by tasks led, at most $first
// (all when null); with $leads, the LEADS edges out of each (to tasks of $leadsPlanId, or all) in plan and task
// order, their tasks (without long text, with their sub-item count) in the same statement. Across plans a
// department is its resolved node: the tasks of every plan of its scope that names it, by any of its names.
// $slim names the rows that may come slimmer (node, leads, tasks: booleans), chosen when the query selects none of what
// they leave out: a department as a list [id, name, labels]; a lead edge as its ends and start, and with a slim task too
// as a list [start, task id, task planId, task number, task title, task labels, task sub-item count]; a task as id, plan,
// number, title, labels and sub-item count (all short: the resolvers fetch the whole node or edge for any other field).
// Lists carry no map keys to send and decode (src/api/resolvers/slim.ts makes the rows).
// params: $planId, $scope, $orderBy, $first, $leads, $leadsPlanId, $slim
// returns: node, tasks, leads
MATCH (n:Department)-[:LEADS]->(t:Task)
WHERE ($planId IS NULL OR t.planId = $planId) AND ($scope IS NULL OR n.scope = $scope)
WITH n, count(DISTINCT t) AS tasks
ORDER BY CASE WHEN $orderBy = 'TASKS_DESC' THEN -tasks ELSE 0 END, n.name, n.id
LIMIT coalesce($first, 1000000000)
RETURN CASE WHEN $slim.node
    THEN [n.id, n.name, [l IN labels(n) WHERE l <> 'Entity']]
    ELSE n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']}
  END AS node, tasks,
  CASE WHEN $leads THEN COLLECT {
    MATCH (n)-[r:LEADS]->(t:Task)
    WHERE $leadsPlanId IS NULL OR t.planId = $leadsPlanId
    WITH r, t
    ORDER BY t.planId, t.number
    RETURN CASE WHEN $slim.leads AND $slim.tasks
      THEN [r.start, t.id, t.planId, t.number, t.title, [l IN labels(t) WHERE l <> 'Entity'], COUNT { (t)-[:HAS_SUBITEM]->() }]
      ELSE {row: CASE WHEN $slim.leads
        THEN r {.start, departmentId: n.id, taskId: t.id, short: true}
        ELSE r {.*, departmentId: n.id, taskId: t.id}
      END,
      endpoint: CASE WHEN $slim.tasks
        THEN t {.id, .planId, .number, .title, labels: [l IN labels(t) WHERE l <> 'Entity'], short: true, subItemCount: COUNT { (t)-[:HAS_SUBITEM]->() }}
        ELSE t {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(t) WHERE l <> 'Entity'], short: true, subItemCount: COUNT { (t)-[:HAS_SUBITEM]->() }}
      END}
    END
  } END AS leads
