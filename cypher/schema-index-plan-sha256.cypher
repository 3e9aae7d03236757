// Indexes :Plan(sha256): a library load asks, file by file, whether the graph already holds these bytes.
// params: -
// returns: -
CREATE INDEX plan_sha256 IF NOT EXISTS FOR (n:Plan) ON (n.sha256)
