// Problems with how many elements address them, least addressed first (problems from the Entity(planId) index).
// params: $planIds
// returns: problem, addressedBy
MATCH (pl:Plan)
WHERE $planIds IS NULL OR pl.id IN $planIds
MATCH (p:Entity:Problem)
USING INDEX p:Entity(planId)
WHERE p.planId = pl.id
WITH p, COUNT { (p)<-[:ADDRESSES]-() } AS addressedBy
ORDER BY addressedBy, p.planId, p.number
RETURN p {.*, labels: [l IN labels(p) WHERE l <> 'Entity']} AS problem, addressedBy
