// Goals of one plan or all, in plan and number order, as short rows (no long text or spans: fetched when asked);
// with $servedBy, the SERVES edges into each goal (strongest first, no evidence) and their tasks, in the same statement.
// params: $planId, $servedBy
// returns: node, servedBy
MATCH (n:Goal)
WHERE $planId IS NULL OR n.planId = $planId
RETURN n {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(n) WHERE l <> 'Entity'], short: true} AS node,
  CASE WHEN $servedBy THEN COLLECT {
    MATCH (t:Task)-[r:SERVES]->(n)
    WITH t, r
    ORDER BY r.score DESC, t.number
    RETURN {row: r {.id, .basis, .score, fromId: t.id, toId: n.id, short: true},
      endpoint: t {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(t) WHERE l <> 'Entity'], short: true, subItemCount: COUNT { (t)-[:HAS_SUBITEM]->() }}}
  } END AS servedBy
ORDER BY n.planId, n.number
