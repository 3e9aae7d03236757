// Makes :Task(id) unique (and indexed). Schema statements take no parameters.
// params: -
// returns: -
CREATE CONSTRAINT task_id_unique IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE
