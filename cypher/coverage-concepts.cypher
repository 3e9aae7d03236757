// Concepts by reach: mentions, mentioning elements, the tasks they touch and the goals those connect to.
// params: $planId
// returns: conceptId, mentionCount, elementCount, elementIds, taskIds, goalIds
MATCH (e:Entity)-[r:MENTIONS]->(c:Concept)
WHERE $planId IS NULL OR r.planId = $planId
WITH c, e, count(r) AS inElement
ORDER BY e.planId, coalesce(e.order, -1)
WITH c, sum(inElement) AS mentionCount, collect(e) AS elements
CALL (elements) {
  UNWIND elements AS e
  MATCH (t:Task)-[:HAS_SUBITEM*0..1]->(e)
  WITH DISTINCT t
  ORDER BY t.planId, t.number
  RETURN collect(t) AS tasks
}
CALL (elements, tasks) {
  MATCH (g:Goal)
  WHERE g IN elements OR EXISTS { MATCH (t:Task)-[:SERVES]->(g) WHERE t IN tasks }
  WITH g
  ORDER BY g.planId, g.number
  RETURN collect(g.id) AS goalIds
}
RETURN c.id AS conceptId, mentionCount, size(elements) AS elementCount, [e IN elements | e.id] AS elementIds,
  [t IN tasks | t.id] AS taskIds, goalIds
ORDER BY mentionCount DESC, elementCount DESC, c.name
