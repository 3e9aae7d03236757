// Gives each Plan loaded before citation keys existed its keys, as load-plan makes them: a plan loaded later finds it
// by title or number through them (load-resolve-documents). Runs with the schema, before any load; a plan that has its
// keys is left as it is.
// params: -
// returns: keyed
MATCH (p:Plan)
WHERE NOT EXISTS { MATCH (:PlanKey {planId: p.id}) }
FOREACH (title IN coalesce(p.citeTitles, []) | CREATE (:PlanKey {planId: p.id, key: 't:' + title}))
FOREACH (number IN CASE WHEN p.documentNumber IS NULL THEN [] ELSE [p.documentNumber] END |
  CREATE (:PlanKey {planId: p.id, key: 'n:' + number}))
RETURN count(p) AS keyed
