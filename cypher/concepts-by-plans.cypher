// Concepts a plan mentions anywhere, by name.
// params: $ids
// returns: key, node
UNWIND $ids AS key
MATCH (:Entity {planId: key})-[:MENTIONS]->(n:Concept)
WITH DISTINCT key, n
ORDER BY n.name
RETURN key, n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
