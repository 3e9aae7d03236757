// Every shortest path (direction ignored) between two nodes, at most $maxLength hops, over $types (null: all but CITES and IS).
// $full false: nodes carry only what their label is drawn from, edges no properties (the query selects neither).
// params: $from, $to, $maxLength, $types, $full
// returns: nodes, edges
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE length(p) <= $maxLength AND all(r IN relationships(p) WHERE ($types IS NULL AND NOT type(r) IN ['CITES', 'IS']) OR type(r) IN $types)
WITH p
LIMIT 25
RETURN [n IN nodes(p) | CASE WHEN $full THEN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} ELSE n {.id, .number, .title, .name, .marker, labels: [l IN labels(n) WHERE l <> 'Entity']} END] AS nodes, [r IN relationships(p) | {id: coalesce(r.id, startNode(r).id + '>' + type(r) + '>' + endNode(r).id), type: type(r), source: startNode(r).id, target: endNode(r).id, properties: CASE WHEN $full THEN properties(r) ELSE {} END}] AS edges
