// Tasks and goals, with their sub-items' text and the plan's year, of the $limit plans whose words best match $query
// in the alignment index (align_words): what a plan being loaded is aligned with, found without reading every plan.
// A plan whose "id sha256 loaderVersion" is in $known (the loader holds its elements already) comes as one row
// with held true and no element (id null): the same plans, in the same order, without reading their text again.
// A plan without sha256 or loader version (version null) is always read whole.
// params: $planId, $query, $limit, $known
// returns: planId, year, version, held, id, kind, order, title, text, subs
CALL db.index.fulltext.queryNodes('align_words', $query, {limit: $limit + 1}) YIELD node AS x
WITH x
WHERE x.planId <> $planId
WITH x
LIMIT $limit
MATCH (p:Plan {id: x.planId})
WITH p, p.id + ' ' + p.sha256 + ' ' + p.loaderVersion AS version
WITH p, version, coalesce(version IN $known, false) AS held
OPTIONAL CALL (p, held) {
  // A seek per candidate, held by the hint: left to its statistics, the planner may instead scan every entity's
  // planId and join (load-statements-index.test.ts caught it doing so).
  WITH p.id AS planId
  WHERE NOT held
  MATCH (e:Entity {planId: planId})
  USING INDEX SEEK e:Entity(planId)
  WHERE e:Task OR e:Goal
  OPTIONAL MATCH (e)-[:HAS_SUBITEM*]->(s:SubItem)
  WITH e, s
  ORDER BY s.order
  WITH e, collect(s.text) AS subs
  RETURN e.id AS id, e.kind AS kind, e.order AS order, e.title AS title, e.text AS text, subs
}
RETURN p.id AS planId, p.year AS year, version, held, id, kind, order, title, text, subs
ORDER BY planId, order
