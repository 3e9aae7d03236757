// One task of a plan by its number.
// params: $planId, $number
// returns: node
MATCH (n:Task {planId: $planId, number: $number})
RETURN n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']} AS node
