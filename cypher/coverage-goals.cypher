// Goals with how many tasks serve them and the summed score, thinnest served first.
// A plan's goals come from the Goal(id) index by the plan's id prefix (every element id is `<plan>/…`, src/ingest/parse/ids.ts),
// and planId still decides: only the plan's goals are read, not its every element (the Entity(planId) index gave them all,
// each then checked for the Goal label: 79 + 78 database hits on the seed where this takes 4 + 3). SERVES edges are only ever
// drawn from a Task (load-serves), so their far end is not checked for the label.
// $slim: the goal as a list [id, planId, number, title, labels] (made into a short row, src/api/resolvers/slim.ts: no map keys
// to send and decode; the resolvers fetch the whole node for any other field), when the query reads nothing else of it;
// otherwise the whole node.
// params: $planIds, $minScore (only SERVES edges scoring at least this count), $slim
// returns: goal, taskCount, totalScore
MATCH (p:Plan)
WHERE $planIds IS NULL OR p.id IN $planIds
MATCH (g:Goal)
USING INDEX g:Goal(id)
WHERE g.id STARTS WITH p.id + '/' AND g.planId = p.id
OPTIONAL MATCH ()-[r:SERVES]->(g)
WHERE r.score >= $minScore
WITH g, count(r) AS taskCount, round(coalesce(sum(r.score), 0.0), 3) AS totalScore
RETURN CASE WHEN $slim
    THEN [g.id, g.planId, g.number, g.title, [l IN labels(g) WHERE l <> 'Entity']]
    ELSE g {.*, labels: [l IN labels(g) WHERE l <> 'Entity']}
  END AS goal, taskCount, totalScore
ORDER BY taskCount, totalScore, g.planId, g.number
