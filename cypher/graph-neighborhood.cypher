// Nodes within $depth (1-3) hops of a node over relationship $types (all but the citation graph, CITES and IS, when null), nearest first (then by id),
// at most $limit of them, with the relationships among those kept; total says how many were reached.
// $detail: 'full' whole nodes and edges; 'short' nodes carry only what their label is drawn from, edges no properties;
// 'ids' nodes carry their id and labels only (the query selects no more of them).
// params: $id, $depth, $types, $limit, $detail
// returns: nodes, edges, total
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
// Each node at its nearest level; within a level by id, so the answer and any cut are stable.
CALL (start, level1, level2, level3) {
  UNWIND [{d: 0, ns: [start]}, {d: 1, ns: level1}, {d: 2, ns: level2}, {d: 3, ns: level3}] AS lv
  UNWIND lv.ns AS n
  WITH n, min(lv.d) AS d
  ORDER BY d, n.id
  RETURN collect(n) AS items
}
WITH items[0..$limit] AS kept, size(items) AS total
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b)
  WHERE b IN kept AND (($types IS NULL AND NOT type(r) IN ['CITES', 'IS']) OR type(r) IN $types)
  WITH DISTINCT r
  ORDER BY startNode(r).id, type(r), endNode(r).id, r.start
  RETURN collect(r) AS rels
}
RETURN [n IN kept | CASE $detail WHEN 'full' THEN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} WHEN 'short' THEN n {.id, .number, .title, .name, .marker, labels: [l IN labels(n) WHERE l <> 'Entity']} ELSE n {.id, labels: [l IN labels(n) WHERE l <> 'Entity']} END] AS nodes, [r IN rels | {id: coalesce(r.id, startNode(r).id + '>' + type(r) + '>' + endNode(r).id), type: type(r), source: startNode(r).id, target: endNode(r).id, properties: CASE WHEN $detail = 'full' THEN properties(r) ELSE {} END}] AS edges, total
