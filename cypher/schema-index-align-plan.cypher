// Indexes :AlignIndex(planId): a load replaces (and a removal deletes) a plan's alignment-index entry through it,
// not by reading every plan's entry.
// params: -
// returns: -
CREATE INDEX align_index_plan_id IF NOT EXISTS FOR (n:AlignIndex) ON (n.planId)
