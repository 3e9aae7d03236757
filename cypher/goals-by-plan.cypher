// Goals of one plan or all, in plan and number order, as short rows (no long text or spans: fetched when asked);
// with $servedBy, the SERVES edges into each goal (strongest first, no evidence) and their tasks, in the same statement.
// $slim names the rows that may come slimmer still (node, tasks: booleans), chosen when the query selects none of what
// they leave out, each as a list of values (no map keys to send and decode; src/api/resolvers/slim.ts makes the rows):
// a goal [id, planId, number, title, labels], a SERVES edge [id, basis, score, task id, task planId, task number, task
// title, task labels] (short: the resolvers fetch the whole node for any other field; a slim task's sub-item count is
// counted when asked).
// params: $planId, $servedBy, $slim
// returns: node, servedBy
MATCH (n:Goal)
WHERE $planId IS NULL OR n.planId = $planId
RETURN CASE WHEN $slim.node
    THEN [n.id, n.planId, n.number, n.title, [l IN labels(n) WHERE l <> 'Entity']]
    ELSE n {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(n) WHERE l <> 'Entity'], short: true}
  END AS node,
  CASE WHEN $servedBy THEN COLLECT {
    MATCH (t:Task)-[r:SERVES]->(n)
    WITH t, r
    ORDER BY r.score DESC, t.number
    RETURN CASE WHEN $slim.tasks
      THEN [r.id, r.basis, r.score, t.id, t.planId, t.number, t.title, [l IN labels(t) WHERE l <> 'Entity']]
      ELSE {row: r {.id, .basis, .score, fromId: t.id, toId: n.id, short: true},
        endpoint: t {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(t) WHERE l <> 'Entity'], short: true, subItemCount: COUNT { (t)-[:HAS_SUBITEM]->() }}}
    END
  } END AS servedBy
ORDER BY n.planId, n.number
