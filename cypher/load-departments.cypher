// Merges the lead departments (shared across plans) and refreshes their names.
// params: $rows
// returns: merged
UNWIND $rows AS row
MERGE (d:Department {id: row.id})
SET d += row.props, d:Entity
RETURN count(*) AS merged
