// A cited document by its normalised title or its number (either may be null), the smallest id first.
// params: $title, $number
// returns: node
MATCH (d:Document)
WHERE d.title = $title OR d.documentNumber = $number
RETURN d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']} AS node
ORDER BY d.id
LIMIT 1
