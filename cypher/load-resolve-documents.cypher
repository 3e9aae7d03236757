// Links cited documents to the loaded plans they are (Document -[:IS]-> Plan), by title or number, both ways:
// the documents the plan $planId cites that are loaded plans (through the plans' citation keys, load-plan), and the
// documents other plans cite that are $planId. Index seeks only: the cost is the plan's citations, not the library.
// params: $planId, $titles, $number
// returns: linked
CALL () {
  MATCH (e:Entity {planId: $planId})
  CALL (e) {
    MATCH (e)-[:CITES]->(d:Document)
    RETURN d
  }
  WITH DISTINCT d
  UNWIND [key IN ['t:' + d.title, 'n:' + d.documentNumber] WHERE key IS NOT NULL] AS key
  MATCH (k:PlanKey {key: key})
  MATCH (q:Plan {id: k.planId})
  RETURN d, q
  UNION
  MATCH (q:Plan {id: $planId})
  MATCH (d:Document)
  WHERE d.title IN $titles OR d.documentNumber = $number
  RETURN d, q
}
MERGE (d)-[r:IS]->(q)
RETURN count(r) AS linked
