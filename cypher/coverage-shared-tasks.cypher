// Tasks led by more than one department, with the departments in the order the marker names them; one page
// of them (tasks from the Entity(planId) index).
// params: $planIds, $offset, $first
// returns: task, departments
MATCH (p:Plan)
WHERE $planIds IS NULL OR p.id IN $planIds
MATCH (t:Entity:Task)
USING INDEX t:Entity(planId)
WHERE t.planId = p.id AND COUNT { (:Department)-[:LEADS]->(t) } > 1
WITH t
ORDER BY t.planId, t.number
SKIP $offset
LIMIT $first
RETURN t {.*, labels: [l IN labels(t) WHERE l <> 'Entity']} AS task, COLLECT {
    MATCH (d:Department)-[r:LEADS]->(t)
    WITH d, r
    ORDER BY r.start
    RETURN d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']}
  } AS departments
