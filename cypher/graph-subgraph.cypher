// The given nodes (plus their direct neighbours over $types when $expand), at most $limit, and the
// relationships among them, in a stable order (given ids first, then neighbours by id); total says how many were reached.
// $full false: nodes carry only what their label is drawn from, edges no properties (the query selects neither).
// $types null: every type but the citation graph (CITES, IS).
// params: $ids, $types, $expand, $limit, $full
// returns: nodes, edges, total
UNWIND range(0, size($ids) - 1) AS i
MATCH (s:Entity {id: $ids[i]})
WITH s ORDER BY i
WITH collect(s) AS seeds
CALL (seeds) {
  UNWIND CASE WHEN $expand THEN seeds ELSE [] END AS a
  MATCH (a)-[r]-(b:Entity)
  WHERE ($types IS NULL AND NOT type(r) IN ['CITES', 'IS']) OR type(r) IN $types
  WITH DISTINCT b
  ORDER BY b.id
  RETURN collect(b) AS neighbours
}
WITH seeds + neighbours AS reached
UNWIND range(0, size(reached) - 1) AS i
WITH reached[i] AS n, min(i) AS first
ORDER BY first
WITH collect(n) AS items
WITH items[0..$limit] AS kept, size(items) AS total
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[r]->(b)
  WHERE b IN kept AND (($types IS NULL AND NOT type(r) IN ['CITES', 'IS']) OR type(r) IN $types)
  WITH DISTINCT r
  ORDER BY startNode(r).id, type(r), endNode(r).id, r.start
  RETURN collect(r) AS rels
}
RETURN [n IN kept | CASE WHEN $full THEN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} ELSE n {.id, .number, .title, .name, .marker, labels: [l IN labels(n) WHERE l <> 'Entity']} END] AS nodes, [r IN rels | {id: coalesce(r.id, startNode(r).id + '>' + type(r) + '>' + endNode(r).id), type: type(r), source: startNode(r).id, target: endNode(r).id, properties: CASE WHEN $full THEN properties(r) ELSE {} END}] AS edges, total
