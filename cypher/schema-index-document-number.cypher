// Indexes :Document(documentNumber): document(number:) and a plan loaded later find the documents citing it by number.
// params: -
// returns: -
CREATE INDEX document_number_key IF NOT EXISTS FOR (n:Document) ON (n.documentNumber)
