// The shared nodes (departments, concepts) a plan's own nodes link to, by id; none for $planId null
// (an all-plans export pages through every node).
// params: $planId
// returns: node
MATCH (owned:Entity {planId: $planId})--(s:Entity)
WHERE s.planId IS NULL
WITH DISTINCT s
ORDER BY s.id
RETURN s {.*, labels: [l IN labels(s) WHERE l <> 'Entity']} AS node
