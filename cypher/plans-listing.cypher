// Every plan, by id, narrowed to what a list of plans shows (the explorer's plan switcher): its id, title and dates
// as the node, without the plan's text, its spans and its warnings (those of a complete plan say nothing a listing
// shows; a cut plan keeps them, for the line where it stops). With $goals, each plan's goals in document order, through
// the :Entity(planId) index: what Plan.caveats counts to say a plan has none.
// params: $goals
// returns: node, goals
MATCH (p:Plan)
WITH p
ORDER BY p.id
CALL (p) {
  // Without $goals the seek is for a null planId, which no node has (a WHERE on $goals alone is applied after it).
  MATCH (g:Entity {planId: CASE WHEN $goals THEN p.id END})
  WHERE g:Goal
  WITH g
  ORDER BY coalesce(g.order, g.number)
  RETURN collect(g {.*, labels: [l IN labels(g) WHERE l <> 'Entity']}) AS goals
}
RETURN p {
  .id, .title, .noticeTitle, .issuer, .issuedDate, .issuedDateRaw, .publishedDate, .approvedBy, .complete,
  .loaderVersion,
  warningsJson: CASE WHEN coalesce(p.complete, true) THEN '[]' ELSE p.warningsJson END,
  labels: [l IN labels(p) WHERE l <> 'Entity']
} AS node, goals
