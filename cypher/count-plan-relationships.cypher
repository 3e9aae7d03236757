// Counts a plan's relationships per type (every relationship touching a node the plan owns).
// params: $planId
// returns: type, count
MATCH (n:Entity {planId: $planId})-[r]-()
RETURN type(r) AS type, count(DISTINCT r) AS count
ORDER BY type
