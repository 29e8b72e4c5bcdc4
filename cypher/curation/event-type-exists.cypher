OPTIONAL MATCH (t:EventType {code: $code})
RETURN t IS NOT NULL AS exists
