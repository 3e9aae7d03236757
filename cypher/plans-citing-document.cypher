// The loaded plans that cite a document (by its id), with how many times and where first; the plan the document is, if loaded.
// params: $id
// returns: planId, title, year, count, firstQuote, isPlanId
MATCH (d:Document {id: $id})<-[r:CITES]-(:Entity)
WITH d, r.planId AS planId, count(r) AS count, min(r.start) AS first
MATCH (p:Plan {id: planId})
MATCH (:Entity {planId: planId})-[f:CITES {start: first}]->(d)
OPTIONAL MATCH (d)-[:IS]->(q:Plan)
RETURN planId, p.title AS title, p.year AS year, count, f.quote AS firstQuote, q.id AS isPlanId
ORDER BY year, planId
