// Goals with how many tasks serve them and the summed score, thinnest served first.
// params: $planId, $minScore (only SERVES edges scoring at least this count)
// returns: goal, taskCount, totalScore
MATCH (g:Goal)
WHERE $planId IS NULL OR g.planId = $planId
OPTIONAL MATCH (:Task)-[r:SERVES]->(g)
WHERE r.score >= $minScore
WITH g, count(r) AS taskCount, round(coalesce(sum(r.score), 0.0), 3) AS totalScore
RETURN g {.*, labels: [l IN labels(g) WHERE l <> 'Entity']} AS goal, taskCount, totalScore
ORDER BY taskCount, totalScore, g.planId, g.number
