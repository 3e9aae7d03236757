// Problems that nothing addresses, one page of them (from the Entity(planId) index).
// params: $planIds, $offset, $first
// returns: node
MATCH (p:Plan)
WHERE $planIds IS NULL OR p.id IN $planIds
MATCH (n:Entity:Problem)
USING INDEX n:Entity(planId)
WHERE n.planId = p.id AND NOT (n)<-[:ADDRESSES]-()
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY n.planId, n.number
SKIP $offset
LIMIT $first
