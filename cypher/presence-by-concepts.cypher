// Plans mentioning each concept, with the plan's year and its number of mentions, earliest year first.
// params: $ids
// returns: id, plan, year, count
UNWIND $ids AS id
MATCH (c:Concept {id: id})<-[m:MENTIONS]-(e:Entity)
MATCH (p:Plan {id: e.planId})
WITH id, p, count(m) AS count
RETURN id, p {.*, labels: [l IN labels(p) WHERE l <> 'Entity']} AS plan, p.year AS year, count
ORDER BY id, year, p.id
