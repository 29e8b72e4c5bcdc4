// The codes of the codebook whose Goldstein score the graph holds with another value: the
// rollups' sums of those codes' events change with it.
UNWIND $types AS t
MATCH (et:EventType {code: t.code})
WHERE et.goldstein <> t.goldstein
RETURN et.code AS code
