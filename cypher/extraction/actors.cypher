// Every actor, as the gazetteer reads them: names and aliases in every language.
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases, a.countryCode AS countryCode
ORDER BY id
