// Links cited documents to the loaded plans they are (Document -[:IS]-> Plan), by title or number, both ways:
// the documents the plan $planId cites that are loaded plans, and the documents other plans cite that are $planId.
// params: $planId, $titles, $number
// returns: linked
CALL () {
  MATCH (:Entity {planId: $planId})-[:CITES]->(d:Document)
  WITH DISTINCT d
  MATCH (q:Plan)
  WHERE d.documentNumber = q.documentNumber OR d.title IN q.citeTitles
  RETURN d, q
  UNION
  MATCH (q:Plan {id: $planId})
  MATCH (d:Document)
  WHERE d.title IN $titles OR d.documentNumber = $number
  RETURN d, q
}
MERGE (d)-[r:IS]->(q)
RETURN count(r) AS linked
