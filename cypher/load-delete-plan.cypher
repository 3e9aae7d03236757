// Removes every node a plan owns, with their relationships, and its entry of the alignment index; shared Departments and Concepts stay.
// params: $planId
// returns: deleted
OPTIONAL MATCH (x:AlignIndex {planId: $planId})
DELETE x
WITH count(*) AS _
MATCH (n:Entity {planId: $planId})
DETACH DELETE n
RETURN count(*) AS deleted
