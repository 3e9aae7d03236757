// Creates the numbered elements a Section holds, labelled by kind, under their Section in order.
// (FOREACH sets the label so the statement runs on every Neo4j 5 server, not only those with dynamic labels.)
// params: $rows
// returns: created
UNWIND $rows AS row
CREATE (e:Entity)
SET e = row.props
FOREACH (_ IN CASE WHEN row.kind = 'Principle' THEN [1] ELSE [] END | SET e:Principle)
FOREACH (_ IN CASE WHEN row.kind = 'Goal' THEN [1] ELSE [] END | SET e:Goal)
FOREACH (_ IN CASE WHEN row.kind = 'Task' THEN [1] ELSE [] END | SET e:Task)
FOREACH (_ IN CASE WHEN row.kind = 'Guarantee' THEN [1] ELSE [] END | SET e:Guarantee)
FOREACH (_ IN CASE WHEN row.kind = 'Step' THEN [1] ELSE [] END | SET e:Step)
WITH e, row
MATCH (section:Section {id: row.parentId})
CREATE (section)-[:HAS_ELEMENT {order: row.order}]->(e)
RETURN count(*) AS created
