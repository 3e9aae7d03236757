// The shortest paths of graph-paths (the same search, the same paths, the same cut at 25), for a query that reads of a path
// nothing but its length and its nodes' ids and types: each path as its node ids, its nodes' labels only when $typed, and
// its length. No edge map (an edge's id, type and both ends cost property reads and bytes per hop), no node map.
// params: $from, $to, $maxLength, $types, $typed
// returns: nodeIds, nodeLabels, length
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[rs*1..8]-(b))
WHERE all(r IN rs WHERE ($types IS NULL AND NOT type(r) IN ['CITES', 'IS']) OR type(r) IN $types)
WITH p
WHERE length(p) <= $maxLength
WITH p LIMIT 25
RETURN [n IN nodes(p) | n.id] AS nodeIds,
  CASE WHEN $typed THEN [n IN nodes(p) | [l IN labels(n) WHERE l <> 'Entity']] END AS nodeLabels,
  length(p) AS length
