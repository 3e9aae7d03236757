// One page of concepts matching a filter (plan, kind, text, glossary or not), and their total.
// params: $planId, $kind, $text, $inGlossary, $orderBy, $offset, $first
// returns: total, nodes
MATCH (n:Concept)
WHERE ($planId IS NULL OR EXISTS { MATCH (:Entity {planId: $planId})-[:MENTIONS]->(n) })
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($inGlossary IS NULL OR n.inGlossary = $inGlossary)
  AND ($text IS NULL OR n.aliasText CONTAINS $text OR coalesce(toLower(n.gloss), '') CONTAINS toLower($text))
WITH n, COUNT { (e)-[r:MENTIONS]->(n) WHERE $planId IS NULL OR r.planId = $planId } AS mentions
ORDER BY CASE WHEN $orderBy = 'MENTIONS_DESC' THEN -mentions ELSE 0 END, n.name
WITH collect(n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']}) AS items
RETURN size(items) AS total, items[$offset..$offset + $first] AS nodes
