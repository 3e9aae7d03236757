// Every goal of every plan, by plan and in document order: what Plan.caveats counts, for a listing of every plan at
// once (one pass over the goals instead of one index seek per plan among its other nodes).
// params: -
// returns: planId, node
MATCH (g:Goal)
WITH g
ORDER BY g.planId, coalesce(g.order, g.number)
RETURN g.planId AS planId, g {.*, labels: [l IN labels(g) WHERE l <> 'Entity']} AS node
