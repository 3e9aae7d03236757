// What coverage of a plan (or of all plans) rests on: reviewed links per plan, and SERVES edges per basis.
// params: $planId
// returns: plans, servesByBasis
CALL () {
  MATCH (p:Plan)
  WHERE $planId IS NULL OR p.id = $planId
  WITH p
  ORDER BY p.id
  RETURN collect({id: p.id, reviewedLinks: coalesce(p.reviewedLinks, 0)}) AS plans
}
CALL () {
  MATCH (t:Task)-[r:SERVES]->()
  WHERE $planId IS NULL OR t.planId = $planId
  WITH r.basis AS basis, count(*) AS count
  ORDER BY basis
  RETURN collect({basis: basis, count: count}) AS servesByBasis
}
RETURN plans, servesByBasis
