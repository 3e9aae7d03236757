// Goals with how many tasks serve them and the summed score, thinnest served first (goals from the Entity(planId) index).
// params: $planIds, $minScore (only SERVES edges scoring at least this count)
// returns: goal, taskCount, totalScore
MATCH (p:Plan)
WHERE $planIds IS NULL OR p.id IN $planIds
MATCH (g:Entity:Goal)
USING INDEX g:Entity(planId)
WHERE g.planId = p.id
OPTIONAL MATCH (:Task)-[r:SERVES]->(g)
WHERE r.score >= $minScore
WITH g, count(r) AS taskCount, round(coalesce(sum(r.score), 0.0), 3) AS totalScore
RETURN g {.*, labels: [l IN labels(g) WHERE l <> 'Entity']} AS goal, taskCount, totalScore
ORDER BY taskCount, totalScore, g.planId, g.number
