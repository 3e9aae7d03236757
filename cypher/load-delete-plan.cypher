// Removes every node a plan owns, with their relationships, and its bookkeeping (its alignment-index entry, its
// citation keys); shared Departments, Concepts and Documents stay, and their ids come back: only those the plan
// linked to may have lost their last link. Every match starts from an index seek on the plan id (the shared nodes
// from the plan's own nodes, never the other way), so the cost is the plan's size, not the library's.
// params: $planId
// returns: deleted, shared
OPTIONAL MATCH (x:AlignIndex {planId: $planId})
DELETE x
WITH count(*) AS _
OPTIONAL MATCH (k:PlanKey {planId: $planId})
DELETE k
WITH count(*) AS _
CALL () {
  OPTIONAL MATCH (e:Entity {planId: $planId})
  CALL (e) {
    MATCH (e)--(s)
    WHERE s:Department OR s:Concept OR s:Document
    RETURN s
  }
  RETURN collect(DISTINCT s.id) AS shared
}
OPTIONAL MATCH (n:Entity {planId: $planId})
DETACH DELETE n
RETURN count(n) AS deleted, shared
