MATCH (a:Actor)
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND ($countryCode IS NULL OR a.countryCode = $countryCode)
RETURN count(a) AS count
