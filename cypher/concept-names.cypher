// Every concept's id, canonical name and aliases: what a "did you mean" compares a name with.
// params: -
// returns: id, name, aliases
MATCH (n:Concept)
RETURN n.id AS id, n.name AS name, coalesce(n.aliases, []) AS aliases
ORDER BY n.name
