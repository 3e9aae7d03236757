// Merges the documents and meetings a plan cites (shared across plans); a title or number another plan gave is kept.
// params: $rows
// returns: merged
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d:Entity, d.form = row.form, d.title = coalesce(d.title, row.title), d.documentNumber = coalesce(d.documentNumber, row.documentNumber)
RETURN count(*) AS merged
