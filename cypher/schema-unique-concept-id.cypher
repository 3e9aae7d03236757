// Makes :Concept(id) unique (and indexed). Schema statements take no parameters.
// params: -
// returns: -
CREATE CONSTRAINT concept_id_unique IF NOT EXISTS FOR (n:Concept) REQUIRE n.id IS UNIQUE
