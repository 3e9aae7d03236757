// Creates the problems a plan names, each linked to the element that states it.
// params: $rows
// returns: created
UNWIND $rows AS row
CREATE (p:Problem:Entity)
SET p = row.props
WITH p, row
MATCH (e:Entity {id: row.statedInId})
CREATE (p)-[:STATED_IN]->(e)
RETURN count(*) AS created
