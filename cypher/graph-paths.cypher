// The shortest paths (direction ignored) between two nodes, at most $maxLength hops, over $types (null: every type but the citation graph, CITES and IS).
// Bounded on its own: SHORTEST is a breadth-first search from both ends (never the exhaustive depth-first fallback of
// shortestPath), the relationship types are filtered while it searches, it stops at 8 hops whatever $maxLength is, and it
// keeps at most 25 paths; of those only the shortest length is returned. A pair farther apart returns no row, quickly.
// $full false: nodes carry only what their label is drawn from, edges no properties (the query selects neither).
// params: $from, $to, $maxLength, $types, $full
// returns: nodes, edges
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 25 (a) (()-[r]-() WHERE ($types IS NULL AND NOT type(r) IN ['CITES', 'IS']) OR type(r) IN $types){1,8} (b)
WHERE length(p) <= $maxLength
WITH collect(p) AS found
WITH found, reduce(least = 9, q IN found | CASE WHEN length(q) < least THEN length(q) ELSE least END) AS shortest
UNWIND [q IN found WHERE length(q) = shortest] AS p
RETURN [n IN nodes(p) | CASE WHEN $full THEN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} ELSE n {.id, .number, .title, .name, .marker, labels: [l IN labels(n) WHERE l <> 'Entity']} END] AS nodes, [r IN relationships(p) | {id: coalesce(r.id, startNode(r).id + '>' + type(r) + '>' + endNode(r).id), type: type(r), source: startNode(r).id, target: endNode(r).id, properties: CASE WHEN $full THEN properties(r) ELSE {} END}] AS edges
