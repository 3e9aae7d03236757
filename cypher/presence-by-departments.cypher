// Plans in which each department leads tasks, with the plan's year and the number of tasks, earliest year first.
// params: $ids
// returns: id, plan, year, count
UNWIND $ids AS id
MATCH (d:Department {id: id})-[:LEADS]->(t:Task)
MATCH (p:Plan {id: t.planId})
WITH id, p, count(DISTINCT t) AS count
RETURN id, p {.*, labels: [l IN labels(p) WHERE l <> 'Entity']} AS plan, p.year AS year, count
ORDER BY id, year, p.id
