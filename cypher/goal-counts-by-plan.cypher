// How many goals each plan holds (plans without any have no row): what Plan.caveats says of a plan without goals, for
// a listing of every plan at once (one pass over the goals, not one read per plan).
// params: -
// returns: planId, goals
MATCH (g:Goal)
RETURN g.planId AS planId, count(g) AS goals
