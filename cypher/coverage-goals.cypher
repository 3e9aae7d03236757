// Goals with how many tasks serve them and the summed score, thinnest served first.
// params: $planId
// returns: goalId, taskCount, totalScore
MATCH (g:Goal)
WHERE $planId IS NULL OR g.planId = $planId
OPTIONAL MATCH (:Task)-[r:SERVES]->(g)
WITH g, count(r) AS taskCount, coalesce(sum(r.score), 0.0) AS totalScore
RETURN g.id AS goalId, taskCount, totalScore
ORDER BY taskCount, totalScore, g.planId, g.number
