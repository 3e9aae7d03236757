// One page of plans, by id, with what a start page shows of each: title, issuer, dates, source, whether its text was read
// to the end, and counts of its numbered items. The page starts after the id $after ('' for the first) through the
// unique index on :Plan(id), which also gives the order; $text (null: every plan) keeps the plans whose id or title
// contains it. The counts come from the plan's own nodes through the :Entity(planId) index.
// params: $after, $text, $first
// returns: id, title, issuer, publishedDate, sourceFile, complete, warningsJson, goals, tasks, subItems
MATCH (p:Plan)
WHERE p.id > $after AND ($text IS NULL OR p.id CONTAINS $text OR p.title CONTAINS $text)
WITH p
ORDER BY p.id
LIMIT $first
CALL (p) {
  MATCH (n:Entity {planId: p.id})
  RETURN count(CASE WHEN n:Goal THEN 1 END) AS goals, count(CASE WHEN n:Task THEN 1 END) AS tasks,
    count(CASE WHEN n:SubItem THEN 1 END) AS subItems
}
RETURN p.id AS id, p.title AS title, p.issuer AS issuer, p.publishedDate AS publishedDate,
       p.sourceFile AS sourceFile, coalesce(p.complete, true) AS complete, p.warningsJson AS warningsJson,
       goals, tasks, subItems
ORDER BY id
