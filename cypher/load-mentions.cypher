// Records every occurrence of a concept as a MENTIONS edge from the element that contains it.
// params: $rows
// returns: created
UNWIND $rows AS row
MATCH (e:Entity {id: row.elementId})
MATCH (c:Concept {id: row.conceptId})
CREATE (e)-[r:MENTIONS]->(c)
SET r = row.props
RETURN count(*) AS created
