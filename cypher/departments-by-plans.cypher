// Departments leading at least one task of a plan, by name.
// params: $ids
// returns: key, node
UNWIND $ids AS key
MATCH (n:Department)-[:LEADS]->(:Task {planId: key})
WITH DISTINCT key, n
ORDER BY n.name
RETURN key, n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
