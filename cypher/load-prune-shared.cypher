// Deletes shared nodes (Departments, Concepts) that no plan links to any more.
// params: -
// returns: pruned
MATCH (n:Entity)
WHERE (n:Department OR n:Concept) AND NOT (n)--()
DELETE n
RETURN count(*) AS pruned
