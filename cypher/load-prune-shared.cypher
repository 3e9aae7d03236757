// Deletes shared nodes (Departments, Concepts) that no plan links to any more, and Documents no plan cites any more.
// Each label is scanned on its own: the shared nodes are a few thousand in a library of a thousand plans, every :Entity hundreds of thousands.
// params: -
// returns: pruned
CALL () {
  MATCH (n:Department)
  WHERE NOT (n)--()
  RETURN n
  UNION
  MATCH (n:Concept)
  WHERE NOT (n)--()
  RETURN n
  UNION
  MATCH (n:Document)
  WHERE NOT ()-[:CITES]->(n)
  RETURN n
}
DETACH DELETE n
RETURN count(*) AS pruned
