// The departments a name stands for: by id, name, full name or any alias the plans or the alias table give, optionally
// of one scope; by id, at most 50. (A lookup of one name over the departments, which are few beside the elements.)
// params: $name, $scope
// returns: node
MATCH (d:Department)
WHERE (d.id = $name OR d.name = $name OR d.fullName = $name OR $name IN coalesce(d.aliases, []))
  AND ($scope IS NULL OR d.scope = $scope)
RETURN d {.*, labels: [l IN labels(d) WHERE l <> 'Entity']} AS node
ORDER BY d.id
LIMIT 50
