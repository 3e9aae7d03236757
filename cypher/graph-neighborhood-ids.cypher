// The neighbourhood of graph-neighborhood (the same nodes in the same order, the same cut, the same edges), for a query
// that reads nothing of it but ids and node types: node ids, each node's labels only when $typed, and edge ids, unordered
// (the resolver sorts them, as it sorts graph-neighborhood's edges). No edge map, no order of edges, no property of an
// edge but its id (its far end's id only when it has none): a fifth of graph-neighborhood's bytes over Bolt for the same
// question, and fewer database hits.
// params: $id, $depth, $types, $limit, $typed
// returns: nodeIds, nodeLabels, edgeIds, total
MATCH (start:Entity {id: $id})
CALL (start) {
  MATCH (start)-[r1]-(n1:Entity)
  WHERE ($types IS NULL AND NOT type(r1) IN ['CITES', 'IS']) OR type(r1) IN $types
  RETURN collect(DISTINCT n1) AS level1
}
CALL (level1) {
  UNWIND CASE WHEN $depth >= 2 THEN level1 ELSE [] END AS a
  MATCH (a)-[r2]-(n2:Entity)
  WHERE ($types IS NULL AND NOT type(r2) IN ['CITES', 'IS']) OR type(r2) IN $types
  RETURN collect(DISTINCT n2) AS level2
}
CALL (level2) {
  UNWIND CASE WHEN $depth >= 3 THEN level2 ELSE [] END AS a
  MATCH (a)-[r3]-(n3:Entity)
  WHERE ($types IS NULL AND NOT type(r3) IN ['CITES', 'IS']) OR type(r3) IN $types
  RETURN collect(DISTINCT n3) AS level3
}
// Each node at its nearest level; within a level by id, so the answer and any cut are stable (as graph-neighborhood).
// Every property is read once: the id the order needs is the one returned, and an edge's start is named by that id.
CALL (start, level1, level2, level3) {
  UNWIND [{d: 0, ns: [start]}, {d: 1, ns: level1}, {d: 2, ns: level2}, {d: 3, ns: level3}] AS lv
  UNWIND lv.ns AS n
  WITH n, min(lv.d) AS d
  WITH n, d, n.id AS id
  ORDER BY d, id
  RETURN collect(n) AS items, collect(id) AS ids
}
WITH items[0..$limit] AS kept, ids[0..$limit] AS nodeIds, size(items) AS total
CALL (kept, nodeIds) {
  UNWIND range(0, size(kept) - 1) AS i
  WITH kept[i] AS a, nodeIds[i] AS source
  MATCH (a)-[r]->(b)
  WHERE b IN kept AND (($types IS NULL AND NOT type(r) IN ['CITES', 'IS']) OR type(r) IN $types)
  RETURN collect(coalesce(r.id, source + '>' + type(r) + '>' + b.id)) AS edgeIds
}
RETURN nodeIds, CASE WHEN $typed THEN [n IN kept | [l IN labels(n) WHERE l <> 'Entity']] END AS nodeLabels, edgeIds, total
