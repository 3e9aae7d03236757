// Every plan with what a start page shows of it: title, issuer, dates, source, whether its text was read to the end, and counts of its numbered items.
// params: -
// returns: id, title, issuer, publishedDate, sourceFile, complete, warningsJson, goals, tasks, subItems
MATCH (p:Plan)
RETURN p.id AS id, p.title AS title, p.issuer AS issuer, p.publishedDate AS publishedDate,
       p.sourceFile AS sourceFile, coalesce(p.complete, true) AS complete, p.warningsJson AS warningsJson,
       COUNT { MATCH (g:Goal {planId: p.id}) } AS goals,
       COUNT { MATCH (t:Task {planId: p.id}) } AS tasks,
       COUNT { MATCH (s:SubItem {planId: p.id}) } AS subItems
ORDER BY p.id
