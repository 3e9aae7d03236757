// Concepts mentioned exactly once (in one plan, or across all), by name, one page of them (mentioning
// elements from the Entity(planId) index).
// params: $planIds, $offset, $first
// returns: node
MATCH (p:Plan)
WHERE $planIds IS NULL OR p.id IN $planIds
MATCH (e:Entity)
USING INDEX e:Entity(planId)
WHERE e.planId = p.id
MATCH (e)-[r:MENTIONS]->(n:Concept)
WHERE r.planId = p.id
WITH n, count(r) AS mentions
WHERE mentions = 1
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY n.name
SKIP $offset
LIMIT $first
