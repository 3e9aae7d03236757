// Records every citation of a document or meeting as a CITES edge from the element that contains it.
// params: $rows
// returns: created
UNWIND $rows AS row
MATCH (e:Entity {id: row.elementId})
MATCH (d:Document {id: row.documentId})
CREATE (e)-[r:CITES]->(d)
SET r = row.props
RETURN count(*) AS created
