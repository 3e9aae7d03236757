// The loaded plan a cited document is (Document.plan), matched at load by title or number.
// params: $ids
// returns: key, node
UNWIND $ids AS key
MATCH (:Document {id: key})-[:IS]->(n:Plan)
RETURN key, n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY n.id
