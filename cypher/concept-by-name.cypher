// The concept whose canonical name or one of whose aliases is exactly $name.
// params: $name
// returns: node
MATCH (n:Concept)
WHERE n.name = $name OR $name IN n.aliases
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY CASE WHEN n.name = $name THEN 0 ELSE 1 END, n.name
LIMIT 1
