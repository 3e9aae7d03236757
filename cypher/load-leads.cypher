// Links each department to the task it leads, with the span of its name in the lead marker.
// params: $rows
// returns: created
UNWIND $rows AS row
MATCH (d:Department {id: row.departmentId})
MATCH (t:Task {id: row.taskId})
CREATE (d)-[r:LEADS]->(t)
SET r = row.props
RETURN count(*) AS created
