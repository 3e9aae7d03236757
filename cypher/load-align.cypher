// Links aligned elements of two plans: SAME_AS when title and text are unchanged, CONTINUES when they changed; from the later plan's element to the earlier's.
// params: $rows
// returns: created
UNWIND $rows AS row
MATCH (a:Entity {id: row.fromId})
MATCH (b:Entity {id: row.toId})
FOREACH (_ IN CASE WHEN row.type = 'SAME_AS' THEN [1] ELSE [] END | CREATE (a)-[r:SAME_AS]->(b) SET r = row.props)
FOREACH (_ IN CASE WHEN row.type = 'CONTINUES' THEN [1] ELSE [] END | CREATE (a)-[r:CONTINUES]->(b) SET r = row.props)
RETURN count(*) AS created
