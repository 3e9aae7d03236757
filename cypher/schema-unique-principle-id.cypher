// Makes :Principle(id) unique (and indexed). Schema statements take no parameters.
// params: -
// returns: -
CREATE CONSTRAINT principle_id_unique IF NOT EXISTS FOR (n:Principle) REQUIRE n.id IS UNIQUE
