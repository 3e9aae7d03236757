// Substring matches (for what the index cannot find, such as a single character), in document order.
// params: $text, $planId, $types, $first
// returns: node, score
MATCH (n:Entity)
WHERE (n.title CONTAINS $text OR n.text CONTAINS $text OR n.aliasText CONTAINS $text OR n.name CONTAINS $text)
  AND ($planId IS NULL OR n.planId = $planId OR ((n:Concept OR n:Department) AND EXISTS {
    MATCH (n)-[:MENTIONS|LEADS]-(:Entity {planId: $planId}) }))
  AND ($types IS NULL OR any(l IN labels(n) WHERE l IN $types))
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node, 0.0 AS score
ORDER BY coalesce(n.planId, ''), coalesce(n.order, -1), n.id
LIMIT $first
