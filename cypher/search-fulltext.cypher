// Ranked full-text hits (CJK analyzer) for a Lucene query built from escaped phrases, filtered by plan and type.
// params: $lucene, $planId, $types, $first
// returns: node, score
CALL db.index.fulltext.queryNodes('plan_text', $lucene) YIELD node AS n, score
WHERE ($planId IS NULL OR n.planId = $planId OR ((n:Concept OR n:Department) AND EXISTS {
    MATCH (n)-[:MENTIONS|LEADS]-(:Entity {planId: $planId}) }))
  AND ($types IS NULL OR any(l IN labels(n) WHERE l IN $types))
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node, score
ORDER BY score DESC, n.id
LIMIT $first
