// The largest plan's count of each relationship type: relationships touching a node the plan owns, each once per
// plan. What a list of relationships scoped to one plan is bounded by (src/api/limits/bounds.ts).
// params: -
// returns: type, count
MATCH (n:Entity)-[r]-()
WHERE n.planId IS NOT NULL
WITH n.planId AS planId, type(r) AS type, count(DISTINCT r) AS perPlan
RETURN type, max(perPlan) AS count
ORDER BY type
