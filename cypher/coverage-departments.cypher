// Departments by load: tasks led, sub-items under them, goals they serve, co-leading departments (tasks from the Entity(planId) index).
// params: $planId
// returns: department, taskCount, subItemCount, tasks, goals, sharesWith
MATCH (p:Plan)
WHERE $planId IS NULL OR p.id = $planId
MATCH (t:Entity:Task)
USING INDEX t:Entity(planId)
WHERE t.planId = p.id
MATCH (d:Department)-[:LEADS]->(t)
WITH d, t
ORDER BY t.planId, t.number
WITH d, collect(t) AS tasks
CALL (tasks) {
  UNWIND tasks AS t
  OPTIONAL MATCH (t)-[:HAS_SUBITEM]->(i:SubItem)
  RETURN count(i) AS subItemCount
}
CALL (tasks) {
  UNWIND tasks AS t
  MATCH (t)-[:SERVES]->(g:Goal)
  WITH DISTINCT g
  ORDER BY g.planId, g.number
  RETURN collect(g {.*, labels: [l IN labels(g) WHERE l <> 'Entity']}) AS goals
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
  [t IN tasks | t {.*, labels: [l IN labels(t) WHERE l <> 'Entity']}] AS tasks, goals, sharesWith
ORDER BY taskCount DESC, subItemCount DESC, d.name
