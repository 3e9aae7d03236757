// Departments by load: tasks led, sub-items under them, goals they serve, co-leading departments.
// params: $planId
// returns: departmentId, taskCount, subItemCount, taskIds, goalIds, sharesWithIds
MATCH (d:Department)-[:LEADS]->(t:Task)
WHERE $planId IS NULL OR t.planId = $planId
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
  RETURN collect(g.id) AS goalIds
}
CALL (d, tasks) {
  UNWIND tasks AS t
  MATCH (other:Department)-[:LEADS]->(t)
  WHERE other <> d
  WITH DISTINCT other
  ORDER BY other.name
  RETURN collect(other.id) AS sharesWithIds
}
RETURN d.id AS departmentId, size(tasks) AS taskCount, subItemCount, [t IN tasks | t.id] AS taskIds, goalIds, sharesWithIds
ORDER BY taskCount DESC, subItemCount DESC, d.name
