// Tasks that serve no goal (by a SERVES edge scoring at least $minScore), in plan and number order.
// params: $planId, $minScore
// returns: node
MATCH (n:Task)
WHERE ($planId IS NULL OR n.planId = $planId) AND NOT EXISTS { MATCH (n)-[r:SERVES]->(:Goal) WHERE r.score >= $minScore }
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY n.planId, n.number
