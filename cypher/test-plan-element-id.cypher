// The Plan node's internal element id, which changes whenever a load rewrites the plan (tests).
// params: $planId
// returns: elementId
MATCH (p:Plan {id: $planId})
RETURN elementId(p) AS elementId
