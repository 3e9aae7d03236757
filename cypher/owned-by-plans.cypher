// Nodes of one label that plans own (Principle, Goal, Task, Guarantee, Problem), per plan, in document order.
// params: $keys (maps with a string `key` that comes back as the row key)
// returns: key, node
UNWIND $keys AS key
MATCH (n:Entity {planId: key.planId})
WHERE key.label IN labels(n)
WITH key, n
ORDER BY coalesce(n.order, n.number)
RETURN key.key AS key, n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
