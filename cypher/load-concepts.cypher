// Merges the plan's concepts (shared across plans) and refreshes their glossary fields.
// params: $rows
// returns: merged
UNWIND $rows AS row
MERGE (c:Concept {id: row.id})
SET c += row.props, c:Entity
RETURN count(*) AS merged
