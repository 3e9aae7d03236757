// Makes :Goal(id) unique (and indexed). Schema statements take no parameters.
// params: -
// returns: -
CREATE CONSTRAINT goal_id_unique IF NOT EXISTS FOR (n:Goal) REQUIRE n.id IS UNIQUE
