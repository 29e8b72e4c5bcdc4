// Aliases are merged as sets: a bundle adds the forms it saw and never removes others.
// Optional identifiers are only ever filled in, never blanked by a bundle that lacks them.
UNWIND $actors AS x
MERGE (a:Actor {id: x.id})
SET a.name = x.name,
    a.kind = x.kind,
    a.wikidataId = coalesce(x.wikidataId, a.wikidataId),
    a.countryCode = coalesce(x.countryCode, a.countryCode),
    a.aliases = reduce(acc = coalesce(a.aliases, []), s IN x.aliases | CASE WHEN s IN acc THEN acc ELSE acc + s END)
SET a:$(x.label)
