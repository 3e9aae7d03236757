// Indexes :PlanKey(planId): a plan's citation keys are deleted with it through it.
// params: -
// returns: -
CREATE INDEX plan_key_plan_id IF NOT EXISTS FOR (n:PlanKey) ON (n.planId)
