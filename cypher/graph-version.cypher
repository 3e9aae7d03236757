// The graph's version: a new random token at every completed load; null on a graph no load has written.
// params: -
// returns: version
OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
RETURN v.version AS version
