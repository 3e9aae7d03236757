// Problems with how many elements address them, least addressed first.
// params: $planId
// returns: problemId, addressedBy
MATCH (p:Problem)
WHERE $planId IS NULL OR p.planId = $planId
RETURN p.id AS problemId, COUNT { (p)<-[:ADDRESSES]-() } AS addressedBy
ORDER BY addressedBy, p.planId, p.number
