// The plan loaded from a file of these bytes, if any: a library load skips a file whose bytes the graph already holds.
// params: $sha256
// returns: planId, loaderVersion, sourceFile
MATCH (p:Plan {sha256: $sha256})
RETURN p.id AS planId, p.loaderVersion AS loaderVersion, p.sourceFile AS sourceFile
ORDER BY planId
LIMIT 1
