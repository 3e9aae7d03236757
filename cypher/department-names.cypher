// Every department's id and name: what a "did you mean" compares a name with.
// params: -
// returns: id, name, aliases
MATCH (n:Department)
RETURN n.id AS id, n.name AS name, CASE WHEN n.fullName IS NULL THEN [] ELSE [n.fullName] END AS aliases
ORDER BY n.name
