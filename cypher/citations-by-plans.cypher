// The citations a plan's text makes (Plan.cites), in text order (a series such as 十九届二中、三中全会 by document id), with the document cited.
// params: $ids
// returns: key, row, endpoint
UNWIND $ids AS key
MATCH (e:Entity {planId: key})-[r:CITES]->(d:Document)
WITH key, e, r, d
ORDER BY r.start, r.id
RETURN key, r {.*, elementId: e.id, documentId: d.id} AS row, d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']} AS endpoint
