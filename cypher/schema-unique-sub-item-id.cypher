// Makes :SubItem(id) unique (and indexed). Schema statements take no parameters.
// params: -
// returns: -
CREATE CONSTRAINT sub_item_id_unique IF NOT EXISTS FOR (n:SubItem) REQUIRE n.id IS UNIQUE
