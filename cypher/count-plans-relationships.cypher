// Counts the relationships of a set of plans per type (every relationship touching a node one of them owns), each once.
// params: $planIds
// returns: type, count
UNWIND $planIds AS planId
MATCH (n:Entity {planId: planId})-[r]-()
RETURN type(r) AS type, count(DISTINCT r) AS count
ORDER BY type
