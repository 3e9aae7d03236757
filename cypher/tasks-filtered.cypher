// Tasks of one plan or all, filtered by department (id or name), concept (id or name, task or sub-items), goal, text.
// params: $planId, $department, $concept, $goalId, $text, $orderBy
// returns: node
MATCH (n:Task)
WHERE ($planId IS NULL OR n.planId = $planId)
  AND ($department IS NULL OR EXISTS {
    MATCH (d:Department)-[:LEADS]->(n) WHERE d.id = $department OR d.name = $department })
  AND ($concept IS NULL OR EXISTS {
    MATCH (n)-[:HAS_SUBITEM*0..1]->()-[:MENTIONS]->(c:Concept) WHERE c.id = $concept OR c.name = $concept })
  AND ($goalId IS NULL OR EXISTS { MATCH (n)-[:SERVES]->(:Goal {id: $goalId}) })
  AND ($text IS NULL OR n.title CONTAINS $text OR n.text CONTAINS $text
    OR EXISTS { MATCH (n)-[:HAS_SUBITEM]->(i) WHERE i.text CONTAINS $text })
WITH n, COUNT { (n)-[:HAS_SUBITEM]->() } AS subItems
ORDER BY CASE WHEN $orderBy = 'SUB_ITEMS_DESC' THEN -subItems ELSE 0 END, n.planId, n.number
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
