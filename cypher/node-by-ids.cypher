// Nodes by global id (one batch of the node loader); ids not in the graph return no row.
// params: $ids
// returns: key, node
UNWIND $ids AS key
MATCH (n:Entity {id: key})
RETURN key, n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
