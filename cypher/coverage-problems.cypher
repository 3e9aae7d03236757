// Problems with how many elements address them, least addressed first (problems from the Entity(planId) index).
// params: $planId
// returns: problem, addressedBy
MATCH (pl:Plan)
WHERE $planId IS NULL OR pl.id = $planId
MATCH (p:Entity:Problem)
USING INDEX p:Entity(planId)
WHERE p.planId = pl.id
WITH p, COUNT { (p)<-[:ADDRESSES]-() } AS addressedBy
ORDER BY addressedBy, p.planId, p.number
RETURN p {.*, labels: [l IN labels(p) WHERE l <> 'Entity']} AS problem, addressedBy
