// Problems that nothing addresses.
// params: $planId
// returns: node
MATCH (n:Problem)
WHERE ($planId IS NULL OR n.planId = $planId) AND NOT (n)<-[:ADDRESSES]-()
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY n.planId, n.number
