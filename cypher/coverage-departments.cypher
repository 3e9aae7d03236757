// Departments by load: tasks led, sub-items under them, goals they serve, co-leading departments (tasks from the Entity(planId) index).
// The tasks and goals come in plan order as short rows, cut to the page the query asks for ($pages.tasks / .goals:
// {offset, first}, or null for all of them, which the API then pages itself): the answer grows with the page.
// params: $planIds, $pages
// returns: department, taskCount, subItemCount, tasks, goals, sharesWith
MATCH (p:Plan)
WHERE $planIds IS NULL OR p.id IN $planIds
MATCH (t:Entity:Task)
USING INDEX t:Entity(planId)
WHERE t.planId = p.id
MATCH (d:Department)-[:LEADS]->(t)
WITH d, t
ORDER BY t.planId, t.number
WITH d, collect(t) AS tasks
CALL (tasks) {
  UNWIND tasks AS t
  RETURN sum(COUNT { (t)-[:HAS_SUBITEM]->(:SubItem) }) AS subItemCount
}
CALL (tasks) {
  UNWIND tasks AS t
  MATCH (t)-[:SERVES]->(g:Goal)
  WITH DISTINCT g
  ORDER BY g.planId, g.number
  RETURN collect(g) AS goals
}
CALL (d, tasks) {
  UNWIND tasks AS t
  MATCH (other:Department)-[:LEADS]->(t)
  WHERE other <> d
  WITH DISTINCT other
  ORDER BY other.name
  RETURN collect(other {.*, labels: [l IN labels(other) WHERE l <> 'Entity']}) AS sharesWith
}
RETURN d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']} AS department, size(tasks) AS taskCount, subItemCount,
  [t IN CASE WHEN $pages.tasks IS NULL THEN tasks ELSE tasks[$pages.tasks.offset..$pages.tasks.offset + $pages.tasks.first] END | t {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(t) WHERE l <> 'Entity'], short: true}] AS tasks,
  [g IN CASE WHEN $pages.goals IS NULL THEN goals ELSE goals[$pages.goals.offset..$pages.goals.offset + $pages.goals.first] END | g {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(g) WHERE l <> 'Entity'], short: true}] AS goals,
  sharesWith
ORDER BY taskCount DESC, subItemCount DESC, d.name
