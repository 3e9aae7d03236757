// Tasks of one plan or all, filtered by department (id or name), concept (id or name, task or sub-items), goal, text;
// as short rows (no long text, spans, evidence or glosses: fetched when asked), with their sub-item count. $fetch names the children to bring
// in the same statement (subItems, leads, serves, concepts: booleans), each in the order its field promises.
// $slim names the rows that may come slimmer still (node, subItems, leads, goals: booleans), chosen when the query selects
// none of what they leave out, each as a list of values (no map keys to send and decode; src/api/resolvers/slim.ts makes
// the rows): a task [id, planId, number, title, labels, subItemCount], a sub-item [id, planId, number, title, labels], a
// lead [start, department id, department name, department labels], a SERVES edge [id, basis, score, goal id, goal planId,
// goal number, goal title, goal labels] (all short: the resolvers fetch the whole node or edge for any other field).
// Concepts come as [id, name, kind, inGlossary, labels].
// params: $planId, $department, $concept, $goalId, $text, $orderBy, $fetch, $slim
// returns: node, subItems, leads, serves, concepts
MATCH (n:Task)
WHERE ($planId IS NULL OR n.planId = $planId)
  AND ($department IS NULL OR EXISTS {
    MATCH (d:Department)-[:LEADS]->(n) WHERE d.id = $department OR d.name = $department })
  AND ($concept IS NULL OR EXISTS {
    MATCH (n)-[:HAS_SUBITEM*0..1]->()-[:MENTIONS]->(c:Concept) WHERE c.id = $concept OR c.name = $concept })
  AND ($goalId IS NULL OR EXISTS { MATCH (n)-[:SERVES]->(:Goal {id: $goalId}) })
  AND ($text IS NULL OR n.title CONTAINS $text OR n.text CONTAINS $text
    OR EXISTS { MATCH (n)-[:HAS_SUBITEM]->(i) WHERE i.text CONTAINS $text })
WITH n, COUNT { (n)-[:HAS_SUBITEM]->() } AS subItemCount
ORDER BY CASE WHEN $orderBy = 'SUB_ITEMS_DESC' THEN -subItemCount ELSE 0 END, n.planId, n.number
RETURN CASE WHEN $slim.node
    THEN [n.id, n.planId, n.number, n.title, [l IN labels(n) WHERE l <> 'Entity'], subItemCount]
    ELSE n {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(n) WHERE l <> 'Entity'], short: true, subItemCount: subItemCount}
  END AS node,
  CASE WHEN $fetch.subItems THEN COLLECT {
    MATCH (n)-[r:HAS_SUBITEM]->(i:SubItem)
    WITH i, r
    ORDER BY r.order
    RETURN CASE WHEN $slim.subItems
      THEN [i.id, i.planId, i.number, i.title, [l IN labels(i) WHERE l <> 'Entity']]
      ELSE i {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(i) WHERE l <> 'Entity'], short: true}
    END
  } END AS subItems,
  CASE WHEN $fetch.leads THEN COLLECT {
    MATCH (d:Department)-[r:LEADS]->(n)
    WITH d, r
    ORDER BY r.start
    RETURN CASE WHEN $slim.leads
      THEN [r.start, d.id, d.name, [l IN labels(d) WHERE l <> 'Entity']]
      ELSE {row: r {.*, departmentId: d.id, taskId: n.id}, endpoint: d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']}}
    END
  } END AS leads,
  CASE WHEN $fetch.serves THEN COLLECT {
    MATCH (n)-[r:SERVES]->(g:Goal)
    WITH r, g
    ORDER BY r.score DESC, g.number
    RETURN CASE WHEN $slim.goals
      THEN [r.id, r.basis, r.score, g.id, g.planId, g.number, g.title, [l IN labels(g) WHERE l <> 'Entity']]
      ELSE {row: r {.id, .basis, .score, fromId: n.id, toId: g.id, short: true},
        endpoint: g {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(g) WHERE l <> 'Entity'], short: true}}
    END
  } END AS serves,
  CASE WHEN $fetch.concepts THEN COLLECT {
    MATCH (n)-[:HAS_SUBITEM*0..1]->()-[:MENTIONS]->(c:Concept)
    WITH DISTINCT c
    ORDER BY c.name
    RETURN [c.id, c.name, c.kind, c.inGlossary, [l IN labels(c) WHERE l <> 'Entity']]
  } END AS concepts
