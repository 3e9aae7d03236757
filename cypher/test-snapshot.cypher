// Every node and relationship with all properties, sorted: two loads compare equal when nothing changed
// (the graph's version marker, new at every load by design, left out). Nodes without an id (a plan's
// :AlignIndex entry) sort by the plan they belong to.
// params: -
// returns: nodes, relationships
CALL () {
  MATCH (n) WHERE NOT n:GraphVersion
  WITH n ORDER BY n.id, n.planId, n.key
  RETURN collect({labels: labels(n), properties: properties(n)}) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b)
  WITH a, r, b ORDER BY a.id, type(r), b.id, r.start
  RETURN collect({from: a.id, type: type(r), to: b.id, properties: properties(r)}) AS relationships
}
RETURN nodes, relationships
