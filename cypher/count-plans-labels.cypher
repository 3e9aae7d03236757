// Counts the nodes of a set of plans per label, the shared nodes they link to included, each node once however many
// of the plans hold or link to it.
// params: $planIds
// returns: label, count
UNWIND $planIds AS planId
MATCH (p:Plan {id: planId})
CALL (p) {
  MATCH (n:Entity {planId: p.id}) RETURN n
  UNION
  MATCH (:Entity {planId: p.id})-[:LEADS|MENTIONS|CITES]-(n:Department|Concept|Document) RETURN n
}
UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
RETURN label, count(DISTINCT n) AS count
ORDER BY label
