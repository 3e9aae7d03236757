// The shortest paths (direction ignored) between two nodes, at most $maxLength hops, over $types (null: every type but the citation graph, CITES and IS).
// Bounded on its own: ALL SHORTEST is a breadth-first search from both ends (never the exhaustive depth-first fallback of
// shortestPath) that stops at the shortest length found, the relationship types are filtered while it searches, it stops at
// 8 hops whatever $maxLength is, and at most 25 paths are kept. A pair farther apart returns no row, quickly. (SHORTEST 25,
// used before, went on searching longer paths until it had 25, to keep only the shortest: 164 database hits against 28
// for the path of bench/peer/mix.ts.)
// $detail: 'full' whole nodes and edges; 'short' nodes carry only what their label is drawn from, edges no properties;
// 'ids' nodes carry their id and labels only (the query selects no more of them).
// params: $from, $to, $maxLength, $types, $detail
// returns: nodes, edges
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a) (()-[r]-() WHERE ($types IS NULL AND NOT type(r) IN ['CITES', 'IS']) OR type(r) IN $types){1,8} (b)
WHERE length(p) <= $maxLength
WITH p LIMIT 25
RETURN [n IN nodes(p) | CASE $detail WHEN 'full' THEN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} WHEN 'short' THEN n {.id, .number, .title, .name, .marker, labels: [l IN labels(n) WHERE l <> 'Entity']} ELSE n {.id, labels: [l IN labels(n) WHERE l <> 'Entity']} END] AS nodes, [r IN relationships(p) | {id: coalesce(r.id, startNode(r).id + '>' + type(r) + '>' + endNode(r).id), type: type(r), source: startNode(r).id, target: endNode(r).id, properties: CASE WHEN $detail = 'full' THEN properties(r) ELSE {} END}] AS edges
