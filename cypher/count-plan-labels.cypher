// Counts a plan's nodes per label, the shared nodes it links to included.
// params: $planId
// returns: label, count
MATCH (p:Plan {id: $planId})
CALL (p) {
  MATCH (n:Entity {planId: p.id}) RETURN n
  UNION
  MATCH (:Entity {planId: p.id})-[:LEADS|MENTIONS|CITES]-(n:Department|Concept|Document) RETURN n
}
UNWIND [l IN labels(n) WHERE l <> 'Entity'] AS label
RETURN label, count(DISTINCT n) AS count
ORDER BY label
