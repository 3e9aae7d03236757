// Creates Sections and hangs each under its parent (the Plan or a Section), in order.
// params: $rows
// returns: created
UNWIND $rows AS row
CREATE (s:Section:Entity)
SET s = row.props
WITH s, row
MATCH (parent:Entity {id: row.parentId})
CREATE (parent)-[:HAS_SECTION {order: row.order}]->(s)
RETURN count(*) AS created
