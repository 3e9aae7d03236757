// Full-text index over every element's words, with the CJK (bigram) analyzer for Chinese text.
// params: -
// returns: -
CREATE FULLTEXT INDEX plan_text IF NOT EXISTS
FOR (n:Plan|Section|Principle|Goal|Task|SubItem|Guarantee|Problem|Concept|Department)
ON EACH [n.title, n.text, n.name, n.fullName, n.aliasText, n.gloss]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } }
