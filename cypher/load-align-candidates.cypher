// Tasks and goals of every other plan with their sub-items' text, and the plan's year: what a plan being loaded is aligned with.
// params: $planId
// returns: planId, year, id, kind, order, title, text, subs
MATCH (p:Plan)
WHERE p.id <> $planId
MATCH (e:Entity {planId: p.id})
WHERE e:Task OR e:Goal
OPTIONAL MATCH (e)-[:HAS_SUBITEM*]->(s:SubItem)
WITH p, e, s
ORDER BY s.order
WITH p, e, collect(s.text) AS subs
RETURN p.id AS planId, p.year AS year, e.id AS id, e.kind AS kind, e.order AS order, e.title AS title, e.text AS text, subs
ORDER BY planId, order
