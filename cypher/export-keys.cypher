// Every property name an export will write, with the Cypher value types seen under it, for nodes and
// for relationships: the typed <key> list a GraphML file declares before its first node.
// params: $planId
// returns: owner, name, types
CALL () {
  MATCH (n:Entity)
  WHERE $planId IS NULL OR n.planId = $planId OR (n.planId IS NULL AND EXISTS { (n)--(:Entity {planId: $planId}) })
  UNWIND keys(n) AS name
  RETURN 'node' AS owner, name, valueType(n[name]) AS type
  UNION
  MATCH (n:Entity)-[r]-(:Entity)
  WHERE $planId IS NULL OR n.planId = $planId
  UNWIND keys(r) AS name
  RETURN 'edge' AS owner, name, valueType(r[name]) AS type
}
WITH owner, name, collect(DISTINCT type) AS types
ORDER BY owner, name
RETURN owner, name, types
