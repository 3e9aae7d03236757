// A task's sub-items, in order.
// params: $ids
// returns: key, node
UNWIND $ids AS key
MATCH (:Task {id: key})-[r:HAS_SUBITEM]->(n:SubItem)
WITH key, n, r
ORDER BY r.order
RETURN key, n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
