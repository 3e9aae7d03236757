// Distinct concepts an element mentions (a task: with its sub-items), by name.
// params: $ids
// returns: key, node
UNWIND $ids AS key
MATCH (:Entity {id: key})-[:HAS_SUBITEM*0..1]->()-[:MENTIONS]->(n:Concept)
WITH DISTINCT key, n
ORDER BY n.name
RETURN key, n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
