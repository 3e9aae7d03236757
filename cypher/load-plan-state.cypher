// What is loaded of a plan: its source hash, loader version, source file and first load time, to decide whether to reload.
// params: $planId
// returns: sha256, loaderVersion, sourceFile, loadedAt
MATCH (p:Plan {id: $planId})
RETURN p.sha256 AS sha256, p.loaderVersion AS loaderVersion, p.sourceFile AS sourceFile, p.loadedAt AS loadedAt
