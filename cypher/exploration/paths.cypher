// The k shortest connections between two actors through events (actor–event–actor) and
// structural facts (actor–actor). {{K}} and {{MAX_RELS}} are integer literals chosen by
// exploration.repository.ts from a fixed set, because SHORTEST k takes no parameter in 5.26;
// everything else is a parameter. Events outside the window are not crossed.
// Shortest means fewest relationships, but maxHops counts steps: an event step is two
// relationships and a fact one, so a path's steps, doubled, are its relationships plus its
// facts. That bound sits inside the parenthesised path pattern, where SHORTEST applies it
// before choosing (a pre-filter): a chain of facts with too many steps, though short in
// relationships, never takes one of the k places.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = SHORTEST {{K}} (
  (a)((x)-[r:PARTICIPATED_IN|MEMBER_OF|PART_OF|HOLDS_POSITION]-(y)
    WHERE (NOT y:Event OR (($windowFrom IS NULL OR y.latest >= date($windowFrom))
                       AND ($windowTo IS NULL OR y.earliest <= date($windowTo))))){1,{{MAX_RELS}}}(b)
  WHERE size(r) + size([s IN r WHERE type(s) <> 'PARTICIPATED_IN']) <= {{MAX_RELS}}
)
RETURN [n IN nodes(p) | CASE WHEN n:Event
          THEN {kind: 'EVENT', id: n.id, event: n {.id, .summary, .cameoCode, .status, .earliest, .latest, .precision, .qualifier, .dateText}}
          ELSE {kind: 'ACTOR', id: n.id, actor: n {.id, .name, .kind, .aliases, .wikidataId, .countryCode}} END] AS nodes,
       [rel IN relationships(p) | {
          type: type(rel), role: rel.role, start: startNode(rel).id, end: endNode(rel).id,
          fact: CASE WHEN type(rel) = 'PARTICIPATED_IN' THEN null
                ELSE rel {.id, .title, .since, .until, .sources} END
       }] AS rels
