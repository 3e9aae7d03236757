// Creates the Plan node from its properties.
// params: $props
// returns: created
CREATE (p:Plan:Entity)
SET p = $props
RETURN count(p) AS created
