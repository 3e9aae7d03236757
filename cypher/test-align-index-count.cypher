// How many alignment-index entries a plan has (tests: 1 while it is loaded, 0 once removed).
// params: $planId
// returns: n
MATCH (x:AlignIndex {planId: $planId})
RETURN count(x) AS n
