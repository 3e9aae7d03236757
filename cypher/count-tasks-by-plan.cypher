// Tasks per plan: what compare(a, b) is priced by (every task of one aligned with every task of the other).
// params: -
// returns: planId, count
MATCH (p:Plan)
RETURN p.id AS planId, COUNT { (t:Task) WHERE t.planId = p.id } AS count
ORDER BY planId
