// What is loaded of each of several plans (a library load's batch, one read instead of one per plan): as load-plan-state, one row per plan the graph holds.
// params: $planIds
// returns: planId, sha256, loaderVersion, sourceFile, loadedAt
UNWIND $planIds AS planId
MATCH (p:Plan {id: planId})
RETURN p.id AS planId, p.sha256 AS sha256, p.loaderVersion AS loaderVersion, p.sourceFile AS sourceFile, p.loadedAt AS loadedAt
