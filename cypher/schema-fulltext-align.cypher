// Inverted index over the words of each plan's tasks and goals (one :AlignIndex node per plan, words space-separated):
// a plan being loaded finds the plans it may align with through it instead of reading every plan.
// params: -
// returns: -
CREATE FULLTEXT INDEX align_words IF NOT EXISTS
FOR (n:AlignIndex) ON EACH [n.words]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false } }
