// Tasks and goals, with their sub-items' text and the plan's year, of the $limit plans whose words best match $query
// in the alignment index (align_words): what a plan being loaded is aligned with, found without reading every plan.
// params: $planId, $query, $limit
// returns: planId, year, id, kind, order, title, text, subs
CALL db.index.fulltext.queryNodes('align_words', $query, {limit: $limit + 1}) YIELD node AS x
WITH x
WHERE x.planId <> $planId
WITH x
LIMIT $limit
MATCH (p:Plan {id: x.planId})
MATCH (e:Entity {planId: p.id})
WHERE e:Task OR e:Goal
OPTIONAL MATCH (e)-[:HAS_SUBITEM*]->(s:SubItem)
WITH p, e, s
ORDER BY s.order
WITH p, e, collect(s.text) AS subs
RETURN p.id AS planId, p.year AS year, e.id AS id, e.kind AS kind, e.order AS order, e.title AS title, e.text AS text, subs
ORDER BY planId, order
