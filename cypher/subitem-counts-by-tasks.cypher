// How many sub-items each task has, counted without fetching them.
// params: $ids
// returns: key, count
UNWIND $ids AS key
MATCH (t:Task {id: key})
RETURN key, COUNT { (t)-[:HAS_SUBITEM]->() } AS count
