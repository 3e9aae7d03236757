// Removes every node a plan owns, with their relationships; shared Departments and Concepts stay.
// params: $planId
// returns: deleted
MATCH (n:Entity {planId: $planId})
DETACH DELETE n
RETURN count(*) AS deleted
