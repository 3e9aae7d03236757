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
// Each node at its nearest level; within a level by id, so the answer and any cut are stable. Every property is read
// once: the id the order needs is the one returned, and each edge's ends, type and start are read for its order and
// kept for its row (each read is a database hit, on every request).
CALL (start, level1, level2, level3) {
  UNWIND [{d: 0, ns: [start]}, {d: 1, ns: level1}, {d: 2, ns: level2}, {d: 3, ns: level3}] AS lv
  UNWIND lv.ns AS n
  WITH n, min(lv.d) AS d
  WITH n, d, n.id AS id
  ORDER BY d, id
  RETURN collect(n) AS items, collect(id) AS ids
}
WITH items[0..$limit] AS kept, ids[0..$limit] AS keptIds, size(items) AS total
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b)
  WHERE b IN kept AND (($types IS NULL AND NOT type(r) IN ['CITES', 'IS']) OR type(r) IN $types)
  WITH DISTINCT r
  WITH r, startNode(r).id AS source, type(r) AS type, endNode(r).id AS target
  ORDER BY source, type, target, r.start
  RETURN collect({id: coalesce(r.id, source + '>' + type + '>' + target), type: type, source: source, target: target,
    properties: CASE WHEN $detail = 'full' THEN properties(r) ELSE {} END}) AS edges
}
RETURN CASE $detail
    WHEN 'ids' THEN [i IN range(0, size(kept) - 1) | {id: keptIds[i], labels: [l IN labels(kept[i]) WHERE l <> 'Entity']}]
    ELSE [n IN kept | CASE $detail WHEN 'full' THEN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} ELSE n {.id, .number, .title, .name, .marker, labels: [l IN labels(n) WHERE l <> 'Entity']} END]
  END AS nodes, edges, total
