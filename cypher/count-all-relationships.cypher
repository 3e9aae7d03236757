// Counts every relationship per type, across all plans.
// params: -
// returns: type, count
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
