// One page of substring matches (what the index cannot find, such as a single character) in document order, and how many there are in all.
// params: $text, $planId, $types, $offset, $first
// returns: total, hits
MATCH (n:Entity)
WHERE (n.title CONTAINS $text OR n.text CONTAINS $text OR n.aliasText CONTAINS $text OR n.name CONTAINS $text)
  AND ($planId IS NULL OR n.planId = $planId OR ((n:Concept OR n:Department) AND EXISTS {
    MATCH (n)-[:MENTIONS|LEADS]-(:Entity {planId: $planId}) }))
  AND ($types IS NULL OR any(l IN labels(n) WHERE l IN $types))
WITH n
ORDER BY coalesce(n.planId, ''), coalesce(n.order, -1), n.id
WITH collect({node: n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']}, score: 0.0}) AS found
RETURN size(found) AS total, found[$offset..$offset + $first] AS hits
