// One page of ranked full-text hits (CJK analyzer) for an escaped Lucene query, and how many there are in all.
// params: $lucene, $planId, $types, $offset, $first
// returns: total, hits
CALL db.index.fulltext.queryNodes('plan_text', $lucene) YIELD node AS n, score
WHERE ($planId IS NULL OR n.planId = $planId OR ((n:Concept OR n:Department) AND EXISTS {
    MATCH (n)-[:MENTIONS|LEADS]-(:Entity {planId: $planId}) }))
  AND ($types IS NULL OR any(l IN labels(n) WHERE l IN $types))
WITH n, score
ORDER BY score DESC, n.id
WITH collect({node: n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']}, score: score}) AS found
RETURN size(found) AS total, found[$offset..$offset + $first] AS hits
