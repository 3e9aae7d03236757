// Creates the Plan node from its properties.
// params: $props
// returns: id
CREATE (p:Plan:Entity)
SET p = $props
RETURN p.id AS id
