// Nodes and relationships that come from the text but carry no span (should be none).
// params: -
// returns: what
CALL () {
  MATCH (n:Entity) WHERE (n:Plan OR n:Section OR n:Principle OR n:Goal OR n:Task OR n:SubItem OR n:Guarantee OR n:Step OR n:Problem)
    AND (n.quote IS NULL OR n.start IS NULL OR n.end IS NULL OR n.line IS NULL)
  RETURN n.id AS what
  UNION ALL
  MATCH ()-[r:LEADS|MENTIONS|SERVES|ADDRESSES|CITES]->() WHERE r.quote IS NULL OR r.start IS NULL
  RETURN r.id AS what
}
RETURN what
