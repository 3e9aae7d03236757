// Waits (up to 300 s) until every index is online.
// params: -
// returns: -
CALL db.awaitIndexes(300)
