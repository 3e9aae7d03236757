// Every plan, by id, narrowed to what a list of plans shows (the explorer's plan switcher): its id, title and dates
// as the node, without the plan's text, its spans and its warnings (those of a complete plan say nothing a listing
// shows; a cut plan keeps them, for the line where it stops). Plan.caveats' goals come from cypher/goals-all.
// params: -
// returns: node
MATCH (p:Plan)
WITH p
ORDER BY p.id
RETURN p {
  .id, .title, .noticeTitle, .issuer, .issuedDate, .issuedDateRaw, .publishedDate, .approvedBy, .complete,
  .loaderVersion,
  warningsJson: CASE WHEN coalesce(p.complete, true) THEN '[]' ELSE p.warningsJson END,
  labels: [l IN labels(p) WHERE l <> 'Entity']
} AS node
