// One numbered element (Principle, Goal or Guarantee) of a plan by its label and number.
// params: $planId, $label, $number
// returns: node
MATCH (n:Entity {planId: $planId})
WHERE $label IN labels(n) AND n.number = $number
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
