// The shortest paths (direction ignored) between two nodes, at most $maxLength hops, over $types (null: every type but the citation graph, CITES and IS).
// Bounded on its own: allShortestPaths is a bidirectional breadth-first search that stops at the shortest length found; the
// type filter is a predicate on every relationship, which the search applies as it goes (never the exhaustive fallback, which
// the engine refuses anyway: forbid_exhaustive_shortestpath); it stops at 8 hops whatever $maxLength is, and at most 25 paths
// are kept. The length bound is applied after the search (a path predicate inside it would ask for the fallback). A pair
// farther apart returns no row, quickly. (ALL SHORTEST with a quantified pattern, used before, gave the same paths with the
// same 28 database hits on the mix's path but cost the engine ~1.5x the CPU per statement; SHORTEST 25, before that, went on
// searching longer paths until it had 25: 164 hits.)
// $detail: 'full' whole nodes and edges; 'short' nodes carry only what their label is drawn from, edges no properties;
// 'ids' nodes carry their id and labels only (the query selects no more of them).
// params: $from, $to, $maxLength, $types, $detail
// returns: nodes, edges
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[rs*1..8]-(b))
WHERE all(r IN rs WHERE ($types IS NULL AND NOT type(r) IN ['CITES', 'IS']) OR type(r) IN $types)
WITH p
WHERE length(p) <= $maxLength
WITH p LIMIT 25
RETURN [n IN nodes(p) | CASE $detail WHEN 'full' THEN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} WHEN 'short' THEN n {.id, .number, .title, .name, .marker, labels: [l IN labels(n) WHERE l <> 'Entity']} ELSE n {.id, labels: [l IN labels(n) WHERE l <> 'Entity']} END] AS nodes, [r IN relationships(p) | {id: coalesce(r.id, startNode(r).id + '>' + type(r) + '>' + endNode(r).id), type: type(r), source: startNode(r).id, target: endNode(r).id, properties: CASE WHEN $detail = 'full' THEN properties(r) ELSE {} END}] AS edges
