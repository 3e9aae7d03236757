// Indexes :PlanKey(key): a document a plan cites finds the loaded plan it names (by title or number) through it,
// not by reading every plan's titles.
// params: -
// returns: -
CREATE INDEX plan_key IF NOT EXISTS FOR (n:PlanKey) ON (n.key)
