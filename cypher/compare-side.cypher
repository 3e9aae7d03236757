// One side of a comparison: the plan, its tasks with their sub-items' text, the concepts it mentions and the tasks each department leads,
// with the graph's version read in the same transaction (compare's answers are kept per version: src/api/compare/memo.ts).
// params: $planId
// returns: plan, tasks, concepts, leads, version
MATCH (p:Plan {id: $planId})
CALL (p) {
  MATCH (t:Task {planId: p.id})
  OPTIONAL MATCH (t)-[:HAS_SUBITEM*]->(s:SubItem)
  WITH t, s
  ORDER BY s.order
  WITH t, collect(s.text) AS subs
  ORDER BY t.order
  RETURN collect({node: t {.*, labels: [l IN labels(t) WHERE l <> 'Entity']}, subs: subs}) AS tasks
}
CALL (p) {
  MATCH (:Entity {planId: p.id})-[:MENTIONS]->(c:Concept)
  WITH DISTINCT c
  ORDER BY c.id
  RETURN collect(c {.*, labels: [l IN labels(c) WHERE l <> 'Entity']}) AS concepts
}
CALL (p) {
  MATCH (d:Department)-[:LEADS]->(t:Task {planId: p.id})
  WITH d, t
  ORDER BY d.id, t.order
  WITH d, collect(t.id) AS taskIds
  RETURN collect({department: d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']}, taskIds: taskIds}) AS leads
}
OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
RETURN p {.*, labels: [l IN labels(p) WHERE l <> 'Entity']} AS plan, tasks, concepts, leads, v.version AS version
