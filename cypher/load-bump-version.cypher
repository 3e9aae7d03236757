// Gives the graph a new version at the end of every load, inside the load's write transaction: answers cached under the old version are never served again.
// params: -
// returns: version
MERGE (v:GraphVersion {id: 'graph'})
SET v.version = randomUUID()
RETURN v.version AS version
