// Numbered elements whose own text mentions no concept, in document order, one page of them (from the
// Entity(planId) index).
// params: $planIds, $offset, $first
// returns: node
MATCH (p:Plan)
WHERE $planIds IS NULL OR p.id IN $planIds
MATCH (n:Entity)
USING INDEX n:Entity(planId)
WHERE n.planId = p.id AND (n:Principle OR n:Goal OR n:Task OR n:SubItem OR n:Guarantee) AND NOT (n)-[:MENTIONS]->(:Concept)
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY n.planId, n.order
SKIP $offset
LIMIT $first
