// Sections directly under a plan or a section, in order.
// params: $ids
// returns: key, node
UNWIND $ids AS key
MATCH (:Entity {id: key})-[r:HAS_SECTION]->(n:Section)
WITH key, n, r
ORDER BY r.order
RETURN key, n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
