// Replaces the plan's entry of the alignment index: the distinct words of its tasks and goals (not an :Entity, so no view or export shows it).
// params: $planId, $words
// returns: written
OPTIONAL MATCH (old:AlignIndex {planId: $planId})
DELETE old
WITH count(*) AS _
CREATE (x:AlignIndex {planId: $planId, words: $words})
RETURN count(x) AS written
