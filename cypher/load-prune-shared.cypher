// Deletes shared nodes (Departments, Concepts) that no plan links to any more, and Documents no plan cites any more.
// params: -
// returns: pruned
MATCH (n:Entity)
WHERE ((n:Department OR n:Concept) AND NOT (n)--()) OR (n:Document AND NOT ()-[:CITES]->(n))
DETACH DELETE n
RETURN count(*) AS pruned
