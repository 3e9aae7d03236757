// Creates the Plan node from its properties, and its citation keys: one :PlanKey per title another plan may cite it
// by ("t:" + title) and per document number ("n:" + number), which load-resolve-documents looks up by index. A key
// is bookkeeping, not an :Entity: no view, count or export shows it.
// params: $props
// returns: created
CREATE (p:Plan:Entity)
SET p = $props
FOREACH (title IN coalesce($props.citeTitles, []) | CREATE (:PlanKey {planId: $props.id, key: 't:' + title}))
FOREACH (number IN CASE WHEN $props.documentNumber IS NULL THEN [] ELSE [$props.documentNumber] END |
  CREATE (:PlanKey {planId: $props.id, key: 'n:' + number}))
RETURN count(p) AS created
