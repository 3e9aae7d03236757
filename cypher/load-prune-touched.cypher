// Deletes, among the shared nodes a load touched (the old version's and the new one's Departments, Concepts and
// Documents), those no plan links to any more (Documents: no plan cites any more). Every load and removal leaves no
// such node behind, so these are the only ones a load can leave: the same outcome as load-prune-shared, without
// scanning every shared node of the library at each plan.
// params: $ids
// returns: pruned
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE ((n:Department OR n:Concept) AND NOT (n)--()) OR (n:Document AND NOT ()-[:CITES]->(n))
DETACH DELETE n
RETURN count(*) AS pruned
