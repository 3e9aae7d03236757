// Every plan with its source and what it holds: the lifecycle listing (npm run plans). Each plan's nodes and serving
// edges come through the :Entity(planId) index, not a scan of a label per plan.
// params: -
// returns: id, title, sourceFile, sha256, loadedAt, reviewedLinks, nodes, tasks, goals, serves
MATCH (p:Plan)
CALL (p) {
  MATCH (n:Entity {planId: p.id})
  RETURN count(n) AS nodes, count(CASE WHEN n:Task THEN 1 END) AS tasks, count(CASE WHEN n:Goal THEN 1 END) AS goals
}
CALL (p) {
  MATCH (t:Entity {planId: p.id})-[r:SERVES]->()
  WHERE t:Task
  RETURN count(r) AS serves
}
RETURN p.id AS id, p.title AS title, p.sourceFile AS sourceFile, p.sha256 AS sha256, p.loadedAt AS loadedAt,
  coalesce(p.reviewedLinks, 0) AS reviewedLinks, nodes, tasks, goals, serves
ORDER BY id
