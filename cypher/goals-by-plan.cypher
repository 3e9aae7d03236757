// Goals of one plan or all, in plan and number order, without their long text (fetched only when asked);
// with $servedBy, the SERVES edges into each goal (strongest first) and their tasks, in the same statement.
// params: $planId, $servedBy
// returns: node, servedBy
MATCH (n:Goal)
WHERE $planId IS NULL OR n.planId = $planId
RETURN n {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node,
  CASE WHEN $servedBy THEN COLLECT {
    MATCH (t:Task)-[r:SERVES]->(n)
    WITH t, r
    ORDER BY r.score DESC, t.number
    RETURN {row: r {.id, .basis, .score, .rationale, .evidenceJson, fromId: t.id, toId: n.id},
      endpoint: t {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, labels: [l IN labels(t) WHERE l <> 'Entity'], subItemCount: COUNT { (t)-[:HAS_SUBITEM]->() }}}
  } END AS servedBy
ORDER BY n.planId, n.number
