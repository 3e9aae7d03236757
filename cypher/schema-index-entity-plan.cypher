// Indexes :Entity(planId): replacing a plan finds every node it owns through it.
// params: -
// returns: -
CREATE INDEX entity_plan_id IF NOT EXISTS FOR (n:Entity) ON (n.planId)
