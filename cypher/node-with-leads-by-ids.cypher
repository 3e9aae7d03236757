// Nodes by global id, as node-by-ids, and for tasks their lead edges and departments (in marker order) in the same statement.
// $slimLeads: each lead edge as its ends and start, its department as id, name and labels (`short: true`: the resolvers
// fetch the whole edge or node for any other field), chosen when the query selects none of what they leave out.
// params: $ids, $slimLeads
// returns: key, node, leads
UNWIND $ids AS key
MATCH (n:Entity {id: key})
RETURN key, n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node,
  CASE WHEN n:Task THEN COLLECT {
    MATCH (d:Department)-[r:LEADS]->(n)
    WITH d, r
    ORDER BY r.start
    RETURN CASE WHEN $slimLeads
      THEN {row: r {.start, departmentId: d.id, taskId: n.id, short: true},
        endpoint: d {.id, .name, labels: [l IN labels(d) WHERE l <> 'Entity'], short: true}}
      ELSE {row: r {.*, departmentId: d.id, taskId: n.id}, endpoint: d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']}}
    END
  } END AS leads
