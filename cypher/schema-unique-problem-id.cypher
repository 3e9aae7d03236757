// Makes :Problem(id) unique (and indexed). Schema statements take no parameters.
// params: -
// returns: -
CREATE CONSTRAINT problem_id_unique IF NOT EXISTS FOR (n:Problem) REQUIRE n.id IS UNIQUE
