// One page of sub-items (of one plan or all) in document order, and their total.
// params: $planId, $offset, $first
// returns: total, nodes
MATCH (n:SubItem)
WHERE $planId IS NULL OR n.planId = $planId
WITH n
ORDER BY n.planId, n.order
WITH collect(n {.*, labels: [l IN labels(n) WHERE l <> 'Entity']}) AS items
RETURN size(items) AS total, items[$offset..$offset + $first] AS nodes
