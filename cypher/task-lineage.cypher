// A task's line across plans: the tasks of other plans it carries on (EARLIER: following SAME_AS / CONTINUES, which run
// from the later plan's element to the earlier's) and the tasks that carry it on (LATER: against them), however many
// plans apart, each by its shortest chain: hops, SAME_AS when every link of it kept title and text, and the weakest
// link's score. Oldest first (by the year the plan speaks of; plans without a year last, then by plan id and number).
// The task comes from its unique id; SHORTEST searches breadth-first along the two relationship types only, at most
// 64 links.
// params: $keys (maps with id (the task's), offset, first and a string `key` that comes back as the row key)
// returns: key, total, rows
UNWIND $keys AS key
CALL (key) {
  MATCH (t:Task {id: key.id})
  CALL (t) {
    MATCH path = ANY SHORTEST (t)-[:SAME_AS|CONTINUES]->{1,64}(x:Task)
    RETURN x, 'EARLIER' AS direction, relationships(path) AS links
    UNION ALL
    MATCH path = ANY SHORTEST (t)<-[:SAME_AS|CONTINUES]-{1,64}(x:Task)
    RETURN x, 'LATER' AS direction, relationships(path) AS links
  }
  WITH x, direction, links
  WHERE x <> t
  MATCH (p:Plan {id: x.planId})
  WITH p, x, direction, links
  ORDER BY p.year IS NULL, p.year, p.id, x.number
  RETURN collect({
    taskId: x.id, planId: p.id, year: p.year, direction: direction, hops: size(links),
    relation: CASE WHEN all(l IN links WHERE type(l) = 'SAME_AS') THEN 'SAME_AS' ELSE 'CONTINUES' END,
    score: reduce(least = 1.0, l IN links | CASE WHEN l.score < least THEN l.score ELSE least END),
    task: x {.*, labels: [l IN labels(x) WHERE l <> 'Entity']}
  }) AS items
}
RETURN key.key AS key, size(items) AS total, items[key.offset..key.offset + key.first] AS rows
