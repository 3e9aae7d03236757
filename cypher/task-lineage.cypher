// A task's line across plans: the tasks of other plans it carries on (EARLIER: following SAME_AS / CONTINUES, which run
// from the later plan's element to the earlier's) and the tasks that carry it on (LATER: against them), however many
// plans apart (at most 64 links), oldest first (by the year the plan speaks of; plans without a year last, then by plan
// id and number). The task comes from its unique id.
// Two steps, so that the work grows with the tasks reached, not with the chains between them (a library of a thousand
// plans links one task to dozens of copies of it, each to dozens more: the chains are countless, the tasks are not):
// 1. every task reached and its distance in links, by a breadth-first search that visits each task once (the planner's
//    pruning variable-length expand: `min(length(p))` over distinct end nodes), then sorted and paged;
// 2. for the page's tasks only, the shortest chains from the task (both ends known): SAME_AS when one of them kept
//    title and text at every link, and the best weakest-link score among them.
// params: $keys (maps with id (the task's), offset, first and a string `key` that comes back as the row key)
// returns: key, total, rows
UNWIND $keys AS key
CALL (key) {
  MATCH (t:Task {id: key.id})
  CALL (t) {
    MATCH p = (t)-[:SAME_AS|CONTINUES*1..64]->(x:Task)
    RETURN x, 'EARLIER' AS direction, min(length(p)) AS hops
    UNION ALL
    MATCH p = (t)<-[:SAME_AS|CONTINUES*1..64]-(x:Task)
    RETURN x, 'LATER' AS direction, min(length(p)) AS hops
  }
  WITH t, x, direction, hops
  WHERE x <> t
  MATCH (plan:Plan {id: x.planId})
  WITH t, plan, x, direction, hops
  ORDER BY plan.year IS NULL, plan.year, plan.id, x.number, direction
  WITH t, collect({plan: plan, x: x, direction: direction, hops: hops}) AS reached
  WITH t, size(reached) AS total, reached[key.offset..key.offset + key.first] AS page
  CALL (t, page) {
    UNWIND range(0, size(page) - 1) AS i
    WITH t, i, page[i] AS row
    WITH t, i, row, row.x AS x
    CALL (t, x, row) {
      WITH t, x, row
      WHERE row.direction = 'EARLIER'
      MATCH chain = ALL SHORTEST (t)-[:SAME_AS|CONTINUES]->{1,64}(x)
      RETURN relationships(chain) AS links
      UNION ALL
      WITH t, x, row
      WHERE row.direction = 'LATER'
      MATCH chain = ALL SHORTEST (t)<-[:SAME_AS|CONTINUES]-{1,64}(x)
      RETURN relationships(chain) AS links
    }
    WITH i, row, x,
      max(CASE WHEN all(l IN links WHERE type(l) = 'SAME_AS') THEN 1 ELSE 0 END) AS kept,
      max(reduce(least = 1.0, l IN links | CASE WHEN l.score < least THEN l.score ELSE least END)) AS score
    ORDER BY i
    RETURN collect({
      taskId: x.id, planId: row.plan.id, year: row.plan.year, direction: row.direction, hops: row.hops,
      relation: CASE WHEN kept = 1 THEN 'SAME_AS' ELSE 'CONTINUES' END,
      score: score,
      task: x {.*, labels: [l IN labels(x) WHERE l <> 'Entity']}
    }) AS rows
  }
  RETURN total, rows
}
RETURN key.key AS key, total, rows
