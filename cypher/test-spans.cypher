// Every span stored in the graph (node, title, text, closing, edge and edge-target spans), to check against the source text.
// params: -
// returns: owner, kind, planId, start, end, line, quote
CALL () {
  MATCH (n:Entity) WHERE n.quote IS NOT NULL
  RETURN n.id AS owner, 'node' AS kind, n.planId AS planId, n.start AS start, n.end AS end, n.line AS line, n.quote AS quote
  UNION ALL
  MATCH (n:Entity) WHERE n.titleQuote IS NOT NULL
  RETURN n.id AS owner, 'title' AS kind, n.planId AS planId, n.titleStart AS start, n.titleEnd AS end, n.titleLine AS line, n.titleQuote AS quote
  UNION ALL
  MATCH (n:Entity) WHERE n.textQuote IS NOT NULL
  RETURN n.id AS owner, 'text' AS kind, n.planId AS planId, n.textStart AS start, n.textEnd AS end, n.textLine AS line, n.textQuote AS quote
  UNION ALL
  MATCH (n:Entity) WHERE n.closingQuote IS NOT NULL
  RETURN n.id AS owner, 'closing' AS kind, n.planId AS planId, n.closingStart AS start, n.closingEnd AS end, n.closingLine AS line, n.closingQuote AS quote
  UNION ALL
  MATCH ()-[r]->() WHERE r.quote IS NOT NULL
  RETURN r.id AS owner, type(r) AS kind, r.planId AS planId, r.start AS start, r.end AS end, r.line AS line, r.quote AS quote
  UNION ALL
  MATCH ()-[r]->() WHERE r.targetQuote IS NOT NULL
  RETURN r.id AS owner, type(r) + ' target' AS kind, r.planId AS planId, r.targetStart AS start, r.targetEnd AS end, r.targetLine AS line, r.targetQuote AS quote
}
RETURN owner, kind, planId, start, end, line, quote
