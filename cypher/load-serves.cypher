// Creates the derived Task -> Goal SERVES edges with their basis, score and evidence.
// params: $rows
// returns: created
UNWIND $rows AS row
MATCH (t:Task {id: row.taskId})
MATCH (g:Goal {id: row.goalId})
CREATE (t)-[r:SERVES]->(g)
SET r = row.props
RETURN count(*) AS created
