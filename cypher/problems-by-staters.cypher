// Problems an element states, in order.
// params: $ids
// returns: key, node
UNWIND $ids AS key
MATCH (n:Problem)-[:STATED_IN]->(:Entity {id: key})
WITH key, n
ORDER BY n.number
RETURN key, n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
