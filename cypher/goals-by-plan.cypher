// Goals of one plan or all, in plan and number order.
// params: $planId
// returns: node
MATCH (n:Goal)
WHERE $planId IS NULL OR n.planId = $planId
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY n.planId, n.number
