// Ranked full-text hits (CJK analyzer) as search-fulltext.cypher finds them, each node as its id and labels only:
// for a search that selects neither a hit's node nor its snippet, so no hit's text travels.
// params: $lucene, $planId, $types, $first
// returns: node, score
CALL db.index.fulltext.queryNodes('plan_text', $lucene) YIELD node AS n, score
WHERE ($planId IS NULL OR n.planId = $planId OR ((n:Concept OR n:Department) AND EXISTS {
    MATCH (n)-[:MENTIONS|LEADS]-(:Entity {planId: $planId}) }))
  AND ($types IS NULL OR any(l IN labels(n) WHERE l IN $types))
RETURN n {.id, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node, score
ORDER BY score DESC, n.id
LIMIT $first
