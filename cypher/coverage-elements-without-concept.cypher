// Numbered elements whose own text mentions no concept, in document order.
// params: $planId
// returns: node
MATCH (n:Entity)
WHERE (n:Principle OR n:Goal OR n:Task OR n:SubItem OR n:Guarantee) AND ($planId IS NULL OR n.planId = $planId) AND NOT (n)-[:MENTIONS]->(:Concept)
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
ORDER BY n.planId, n.order
