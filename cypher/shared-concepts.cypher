// Concepts both plans mention, with how many mentions each plan makes of them, by name (then id).
// params: $a, $b
// returns: concept, mentionsInA, mentionsInB
MATCH (:Entity {planId: $a})-[ma:MENTIONS]->(c:Concept)
WITH c, count(ma) AS mentionsInA
MATCH (:Entity {planId: $b})-[mb:MENTIONS]->(c)
WITH c, mentionsInA, count(mb) AS mentionsInB
RETURN c {.*, labels: [l IN labels(c) WHERE l <> 'Entity']} AS concept, mentionsInA, mentionsInB
ORDER BY c.name, c.id
