// Creates the derived element -> Problem ADDRESSES edges with their basis, score and evidence.
// params: $rows
// returns: created
UNWIND $rows AS row
MATCH (e:Entity {id: row.elementId})
MATCH (p:Problem {id: row.problemId})
CREATE (e)-[r:ADDRESSES]->(p)
SET r = row.props
RETURN count(*) AS created
