// One page of an export: the next $limit nodes by id after $after, of one plan ($planId) or of every
// plan (null), each with the relationships it answers for, so that every relationship comes once:
// at its start node, or at the plan's own end when the other end is shared (a Department, a Concept).
// params: $planId, $after, $limit
// returns: node, edges
MATCH (n:Entity)
WHERE ($planId IS NULL OR n.planId = $planId) AND n.id > $after
WITH n
ORDER BY n.id
LIMIT $limit
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE (startNode(r) = n OR ($planId IS NOT NULL AND coalesce(m.planId, '') <> $planId))
  WITH r
  ORDER BY coalesce(r.id, startNode(r).id + '>' + type(r) + '>' + endNode(r).id)
  RETURN collect({id: coalesce(r.id, startNode(r).id + '>' + type(r) + '>' + endNode(r).id), type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}) AS edges
}
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node, edges
