// Aliases are merged as sets: a bundle adds the forms it saw and never removes others.
// Optional identifiers are only ever filled in, never blanked by a bundle that lacks them.
UNWIND $actors AS x
MERGE (a:Actor {id: x.id})
// An actor reached through a merge redirect keeps its own name; the bundle's becomes an alias.
SET a.name = CASE WHEN x.redirected AND a.name IS NOT NULL THEN a.name ELSE x.name END,
    a.kind = CASE WHEN x.redirected AND a.kind IS NOT NULL THEN a.kind ELSE x.kind END,
    a.wikidataId = coalesce(x.wikidataId, a.wikidataId),
    a.countryCode = coalesce(x.countryCode, a.countryCode),
    a.aliases = reduce(acc = coalesce(a.aliases, []), s IN x.aliases | CASE WHEN s IN acc THEN acc ELSE acc + s END)
WITH a, x WHERE NOT x.redirected
SET a:$(x.label)
