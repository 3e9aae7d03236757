// The citations of a document (Document.citedBy), of every plan or of one ($keys.planId), in plan then text order.
// params: $keys (maps with id, planId and a string `key` that comes back as the row key)
// returns: key, row, endpoint
UNWIND $keys AS key
MATCH (d:Document {id: key.id})<-[r:CITES]-(e:Entity)
WHERE key.planId IS NULL OR r.planId = key.planId
WITH key, e, r, d
ORDER BY r.planId, r.start, r.id
RETURN key.key AS key, r {.*, elementId: e.id, documentId: d.id} AS row, e {.*, labels: [l IN labels(e) WHERE l <> 'Entity']} AS endpoint
