// The largest plan's count of each label: the nodes one plan owns, and the shared departments, concepts and documents
// its elements link to (each once per plan). What a list scoped to one plan is bounded by (src/api/limits/bounds.ts).
// params: -
// returns: label, count
CALL () {
  MATCH (n:Entity)
  WHERE n.planId IS NOT NULL
  UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
  RETURN n.planId AS planId, label, count(*) AS perPlan
  UNION ALL
  MATCH (e:Entity)-[:LEADS|PARTICIPATES|MENTIONS|CITES]-(n:Department|Concept|Document)
  WHERE e.planId IS NOT NULL
  UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
  RETURN e.planId AS planId, label, count(DISTINCT n) AS perPlan
}
RETURN label, max(perPlan) AS count
ORDER BY label
