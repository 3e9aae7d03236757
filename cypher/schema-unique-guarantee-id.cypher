// Makes :Guarantee(id) unique (and indexed). Schema statements take no parameters.
// params: -
// returns: -
CREATE CONSTRAINT guarantee_id_unique IF NOT EXISTS FOR (n:Guarantee) REQUIRE n.id IS UNIQUE
