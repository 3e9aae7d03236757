// Nodes by global id, as node-by-ids, and for tasks their lead edges and departments (in marker order) in the same statement.
// params: $ids
// returns: key, node, leads
UNWIND $ids AS key
MATCH (n:Entity {id: key})
RETURN key, n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node,
  CASE WHEN n:Task THEN COLLECT {
    MATCH (d:Department)-[r:LEADS]->(n)
    WITH d, r
    ORDER BY r.start
    RETURN {row: r {.*, departmentId: d.id, taskId: n.id}, endpoint: d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']}}
  } END AS leads
