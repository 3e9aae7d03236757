// What is loaded of a plan: its source hash and loader version, to decide whether to reload.
// params: $planId
// returns: sha256, loaderVersion
MATCH (p:Plan {id: $planId})
RETURN p.sha256 AS sha256, p.loaderVersion AS loaderVersion
