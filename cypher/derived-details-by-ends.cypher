// Rationale and evidence of SERVES / ADDRESSES edges given by their two ends (short edge rows leave them out).
// params: $keys (maps {fromId, toId} with a string `key` that comes back as the row key)
// returns: key, row
UNWIND $keys AS key
MATCH (a:Entity {id: key.fromId})-[r:SERVES|ADDRESSES]->(b:Entity {id: key.toId})
RETURN key.key AS key, r {.rationale, .evidenceJson} AS row
