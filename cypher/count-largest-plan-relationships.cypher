// The largest plan's count of each relationship type a list of the API holds (MENTIONS, LEADS, PARTICIPATES, SERVES,
// ADDRESSES, CITES): relationships touching a node the plan owns, each once per plan. What a list of relationships
// scoped to one plan is bounded by (src/api/limits/bounds.ts). The alignment links between plans (SAME_AS, CONTINUES:
// hundreds of thousands in a library) are no list's items and are not read.
// params: -
// returns: type, count
MATCH (n:Entity)-[r:MENTIONS|LEADS|PARTICIPATES|SERVES|ADDRESSES|CITES]-()
WHERE n.planId IS NOT NULL
WITH n.planId AS planId, type(r) AS type, count(DISTINCT r) AS perPlan
RETURN type, max(perPlan) AS count
ORDER BY type
