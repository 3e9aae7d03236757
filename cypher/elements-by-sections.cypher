// Numbered elements directly under a section, in order.
// params: $ids
// returns: key, node
UNWIND $ids AS key
MATCH (:Section {id: key})-[r:HAS_ELEMENT]->(n)
WITH key, n, r
ORDER BY r.order
RETURN key, n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
