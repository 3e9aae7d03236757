// Plan elements by global id as short rows: no long text, spans or evidence (`full` fetches those when a query
// selects them). For pages of ids that coverage rows carry; ids not in the graph return no row.
// params: $ids
// returns: key, node
UNWIND $ids AS key
MATCH (n:Entity {id: key})
RETURN key, n {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(n) WHERE l <> 'Entity'], short: true} AS node
