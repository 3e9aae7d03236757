// Links each department to a task it takes part in without leading (配合, 责任, 参与, 协办), with its role and the span of its name.
// params: $rows
// returns: created
UNWIND $rows AS row
MATCH (d:Department {id: row.departmentId})
MATCH (t:Task {id: row.taskId})
CREATE (d)-[r:PARTICIPATES]->(t)
SET r = row.props
RETURN count(*) AS created
