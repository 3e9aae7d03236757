// Every SAME_AS / CONTINUES link of the graph as "from TYPE to score", sorted: two loads of one library align alike
// when their lists are equal (the library bench writes it beside its tables, to compare runs).
// params: -
// returns: link
MATCH (a:Entity)-[r:SAME_AS|CONTINUES]->(b:Entity)
RETURN a.id + ' ' + type(r) + ' ' + b.id + ' ' + toString(round(r.score, 3)) AS link
ORDER BY link
