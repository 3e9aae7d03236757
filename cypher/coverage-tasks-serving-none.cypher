// Tasks that serve no goal, in plan and number order.
// params: $planId
// returns: node
MATCH (n:Task)
WHERE ($planId IS NULL OR n.planId = $planId) AND NOT (n)-[:SERVES]->(:Goal)
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY n.planId, n.number
