// How many plans the graph holds (the count store answers, whatever the library's size).
// params: -
// returns: count
RETURN COUNT { (:Plan) } AS count
