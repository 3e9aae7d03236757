// Concepts mentioned exactly once (in one plan, or across all), by name.
// params: $planId
// returns: node
MATCH (n:Concept)<-[r:MENTIONS]-()
WHERE $planId IS NULL OR r.planId = $planId
WITH n, count(r) AS mentions
WHERE mentions = 1
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY n.name
