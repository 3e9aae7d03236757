// Every plan, by id.
// params: -
// returns: node
MATCH (n:Plan)
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY n.id
