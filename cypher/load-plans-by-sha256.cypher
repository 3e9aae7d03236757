// The plan loaded from a file of each of these byte hashes, if any (a library load's batch, one read): a library load skips a file whose bytes the graph already holds.
// One row per hash the graph holds, with the plan of the smallest id when several plans came from the same bytes.
// params: $sha256s
// returns: sha256, planId, loaderVersion
UNWIND $sha256s AS sha256
MATCH (p:Plan {sha256: sha256})
WITH sha256, p
ORDER BY p.id
WITH sha256, collect(p)[0] AS p
RETURN sha256, p.id AS planId, p.loaderVersion AS loaderVersion
