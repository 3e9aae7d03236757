// Tasks that serve no goal (by a SERVES edge scoring at least $minScore), in plan and number order,
// one page of them. The plan's tasks come from the Entity(planId) index, never from a scan of every
// task of every plan.
// params: $planIds, $minScore, $offset, $first
// returns: node
MATCH (p:Plan)
WHERE $planIds IS NULL OR p.id IN $planIds
MATCH (n:Entity:Task)
USING INDEX n:Entity(planId)
WHERE n.planId = p.id AND NOT EXISTS { MATCH (n)-[r:SERVES]->(:Goal) WHERE r.score >= $minScore }
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY n.planId, n.number
SKIP $offset
LIMIT $first
