// Deletes every node and relationship: tests start from an empty graph (never used by the service).
// params: -
// returns: deleted
MATCH (n)
DETACH DELETE n
RETURN count(*) AS deleted
