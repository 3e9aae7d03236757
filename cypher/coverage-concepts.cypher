// Concepts by reach: mentions, mentioning elements, the tasks they touch and the goals those connect to
// (mentioning elements from the Entity(planId) index). Element ids (document order), tasks and goals (plan order,
// as short rows) come cut to the page the query asks for ($pages.elements / .tasks / .goals: {offset, first}, or
// null for all of them, which the API then pages itself).
// params: $planIds, $pages
// returns: concept, mentionCount, elementCount, elementIds, tasks, goals
MATCH (p:Plan)
WHERE $planIds IS NULL OR p.id IN $planIds
MATCH (e:Entity)
USING INDEX e:Entity(planId)
WHERE e.planId = p.id
MATCH (e)-[r:MENTIONS]->(c:Concept)
WHERE r.planId = p.id
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
  // Goals among the mentioning elements, and goals the tasks serve: found from them, not by a scan of goals.
  UNWIND [e IN elements WHERE e:Goal] + COLLECT { UNWIND tasks AS t MATCH (t)-[:SERVES]->(g:Goal) RETURN g } AS g
  WITH DISTINCT g
  ORDER BY g.planId, g.number
  RETURN collect(g) AS goals
}
WITH c, mentionCount, elements, [e IN elements | e.id] AS elementIds, tasks, goals
RETURN c {.*, labels: [l IN labels(c) WHERE l <> 'Entity']} AS concept, mentionCount, size(elements) AS elementCount,
  CASE WHEN $pages.elements IS NULL THEN elementIds ELSE elementIds[$pages.elements.offset..$pages.elements.offset + $pages.elements.first] END AS elementIds,
  [t IN CASE WHEN $pages.tasks IS NULL THEN tasks ELSE tasks[$pages.tasks.offset..$pages.tasks.offset + $pages.tasks.first] END | t {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(t) WHERE l <> 'Entity'], short: true}] AS tasks,
  [g IN CASE WHEN $pages.goals IS NULL THEN goals ELSE goals[$pages.goals.offset..$pages.goals.offset + $pages.goals.first] END | g {.id, .planId, .kind, .number, .marker, .title, .sectionId, .parentId, .order, .truncated, labels: [l IN labels(g) WHERE l <> 'Entity'], short: true}] AS goals
ORDER BY mentionCount DESC, elementCount DESC, c.name
