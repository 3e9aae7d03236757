// Goals of one plan or all, in plan and number order, as short rows (no long text or spans: fetched when asked);
// with $servedBy, the SERVES edges into each goal (strongest first, no evidence) and their tasks, in the same statement.
// $slim names the rows that may come slimmer still (node, tasks: booleans), chosen when the query selects none of what
// they leave out: elements as id, plan, number, title and labels (`short: true`: the resolvers fetch the whole node
// for any other field; a slim task's sub-item count is counted when asked).
// params: $planId, $servedBy, $slim
// returns: node, servedBy
MATCH (n:Goal)
WHERE $planId IS NULL OR n.planId = $planId
RETURN CASE WHEN $slim.node
    THEN n {.id, .planId, .number, .title, labels: [l IN labels(n) WHERE l <> 'Entity'], short: true}
    ELSE n {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(n) WHERE l <> 'Entity'], short: true}
  END AS node,
  CASE WHEN $servedBy THEN COLLECT {
    MATCH (t:Task)-[r:SERVES]->(n)
    WITH t, r
    ORDER BY r.score DESC, t.number
    RETURN {row: r {.id, .basis, .score, fromId: t.id, toId: n.id, short: true},
      endpoint: CASE WHEN $slim.tasks
        THEN t {.id, .planId, .number, .title, labels: [l IN labels(t) WHERE l <> 'Entity'], short: true}
        ELSE t {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(t) WHERE l <> 'Entity'], short: true, subItemCount: COUNT { (t)-[:HAS_SUBITEM]->() }}
      END}
  } END AS servedBy
ORDER BY n.planId, n.number
