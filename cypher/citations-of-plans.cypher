// The citations of a plan by other loaded plans (Plan.citedBy): of every document that is it, in plan then text order.
// params: $ids
// returns: key, row, endpoint
UNWIND $ids AS key
MATCH (:Plan {id: key})<-[:IS]-(d:Document)<-[r:CITES]-(e:Entity)
WITH key, e, r, d
ORDER BY r.planId, r.start, r.id
RETURN key, r {.*, elementId: e.id, documentId: d.id} AS row, e {.*, labels: [l IN labels(e) WHERE l <> 'Entity']} AS endpoint
