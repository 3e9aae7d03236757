// A department over time: the plans that give it tasks, oldest first (by the year the plan speaks of; plans without a
// year last, then by id), each with the tasks it leads (LEADS) and the tasks it takes part in without leading
// (PARTICIPATES: 配合, 责任, 参与, 协办). The department is its resolved node (dept/<scope>/<name>), from its unique id.
// params: $keys (maps with id (the department's), offset, first and a string `key` that comes back as the row key)
// returns: key, total, rows
UNWIND $keys AS key
CALL (key) {
  MATCH (d:Department {id: key.id})-[r:LEADS|PARTICIPATES]->(t:Task)
  WITH t.planId AS planId,
    count(DISTINCT CASE WHEN type(r) = 'LEADS' THEN t END) AS leadCount,
    count(DISTINCT CASE WHEN type(r) = 'PARTICIPATES' THEN t END) AS participationCount
  MATCH (p:Plan {id: planId})
  WITH p, leadCount, participationCount
  ORDER BY p.year IS NULL, p.year, p.id
  RETURN collect({planId: p.id, year: p.year, leadCount: leadCount, participationCount: participationCount}) AS items
}
RETURN key.key AS key, size(items) AS total, items[key.offset..key.offset + key.first] AS rows
