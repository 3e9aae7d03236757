// Creates a task's numbered sub-items under the task, in order.
// params: $rows
// returns: created
UNWIND $rows AS row
CREATE (i:SubItem:Entity)
SET i = row.props
WITH i, row
MATCH (task:Task {id: row.parentId})
CREATE (task)-[:HAS_SUBITEM {order: row.order}]->(i)
RETURN count(*) AS created
