// A cheap summary of what the gazetteer reads, computed in the server and sent as one row: it
// changes when an actor is added, merged away, renamed to another length, given an alias or a
// country code. Aliases only ever grow (ingest and addAlias add to the set), so their count and
// total length catch every change to them. A rename to a name of the same length is not seen;
// the service's cache also expires (extraction.service.ts).
MATCH (a:Actor)
RETURN count(a) AS count,
       sum(size(a.id) + size(a.name) + size(a.kind) + size(coalesce(a.countryCode, ''))) AS chars,
       sum(size(coalesce(a.aliases, []))) AS aliases,
       sum(reduce(n = 0, s IN coalesce(a.aliases, []) | n + size(s))) AS aliasChars
