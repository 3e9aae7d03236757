// Tasks per plan: what compare(a, b) is priced by (every task of one aligned with every task of the other). Each plan's
// nodes come through the :Entity(planId) index, not a scan of every task per plan.
// params: -
// returns: planId, count
MATCH (p:Plan)
RETURN p.id AS planId, COUNT { (t:Entity {planId: p.id}) WHERE t:Task } AS count
ORDER BY planId
