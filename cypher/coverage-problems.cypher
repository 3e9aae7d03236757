// Problems with how many elements address them, least addressed first.
// params: $planId
// returns: problem, addressedBy
MATCH (p:Problem)
WHERE $planId IS NULL OR p.planId = $planId
WITH p, COUNT { (p)<-[:ADDRESSES]-() } AS addressedBy
ORDER BY addressedBy, p.planId, p.number
RETURN p {.*, labels: [l IN labels(p) WHERE l <> 'Entity']} AS problem, addressedBy
