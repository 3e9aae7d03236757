// Nodes by global id, as node-by-ids, and for tasks their lead edges and departments (in marker order) in the same statement.
// $slimLeads: each lead edge as a list [start, department id, department name, department labels] (the resolvers
// fetch the whole edge or node for any other field), chosen when the query selects none of what they leave out.
// $slimTask: a task as a list [id, planId, number, title, labels] (a short row: the resolvers fetch the whole node for
// any other field), chosen when the query reads only its id, number, title and leads. Lists carry no map keys to send
// and decode (src/api/resolvers/slim.ts makes the rows).
// params: $ids, $slimLeads, $slimTask
// returns: key, node, leads
UNWIND $ids AS key
MATCH (n:Entity {id: key})
RETURN key, CASE WHEN $slimTask AND n:Task
    THEN [n.id, n.planId, n.number, n.title, [l IN labels(n) WHERE l <> 'Entity']]
    ELSE n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']}
  END AS node,
  CASE WHEN n:Task THEN COLLECT {
    MATCH (d:Department)-[r:LEADS]->(n)
    WITH d, r
    ORDER BY r.start
    RETURN CASE WHEN $slimLeads
      THEN [r.start, d.id, d.name, [l IN labels(d) WHERE l <> 'Entity']]
      ELSE {row: r {.*, departmentId: d.id, taskId: n.id}, endpoint: d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']}}
    END
  } END AS leads
