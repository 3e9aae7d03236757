// Removes every node a plan owns, with their relationships, and its entry of the alignment index; shared Departments,
// Concepts and Documents stay, and their ids come back: only those the plan linked to may have lost their last link.
// params: $planId
// returns: deleted, shared
OPTIONAL MATCH (x:AlignIndex {planId: $planId})
DELETE x
WITH count(*) AS _
OPTIONAL MATCH (:Entity {planId: $planId})--(s)
WHERE s:Department OR s:Concept OR s:Document
WITH collect(DISTINCT s.id) AS shared
OPTIONAL MATCH (n:Entity {planId: $planId})
DETACH DELETE n
RETURN count(n) AS deleted, shared
