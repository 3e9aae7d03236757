// A whole plan as a graph: the nodes it owns, the shared nodes they link to, and every relationship
// touching a node it owns.
// params: $planId
// returns: nodes, edges
MATCH (owned:Entity {planId: $planId})-[r]-(other:Entity)
WITH collect(DISTINCT owned) + collect(DISTINCT other) AS reached, collect(DISTINCT r) AS rels
UNWIND reached AS n
WITH DISTINCT n, rels
ORDER BY coalesce(n.planId, '~'), coalesce(n.order, -1), n.id
WITH collect(n) AS kept, rels
RETURN [n IN kept | n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']}] AS nodes, [r IN rels | {id: coalesce(r.id, startNode(r).id + '>' + type(r) + '>' + endNode(r).id), type: type(r), source: startNode(r).id, target: endNode(r).id, properties: properties(r)}] AS edges
