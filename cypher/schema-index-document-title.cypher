// Indexes :Document(title): document(title:) and a plan loaded later find the documents citing it by title.
// params: -
// returns: -
CREATE INDEX document_title IF NOT EXISTS FOR (n:Document) ON (n.title)
