// Concepts by reach: mentions, mentioning elements, the tasks they touch and the goals those connect to.
// params: $planId
// returns: concept, mentionCount, elementCount, elementIds, tasks, goals
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
  RETURN collect(g {.*, labels: [l IN labels(g) WHERE l <> 'Entity']}) AS goals
}
RETURN c {.*, labels: [l IN labels(c) WHERE l <> 'Entity']} AS concept, mentionCount, size(elements) AS elementCount, [e IN elements | e.id] AS elementIds,
  [t IN tasks | t {.*, labels: [l IN labels(t) WHERE l <> 'Entity']}] AS tasks, goals
ORDER BY mentionCount DESC, elementCount DESC, c.name
