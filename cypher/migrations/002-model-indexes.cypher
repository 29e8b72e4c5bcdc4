// Lookups the model makes: events by time window and type, actors by kind, mentions of a fact.
CREATE INDEX event_earliest_id IF NOT EXISTS FOR (n:Event) ON (n.earliest, n.id);
CREATE INDEX event_cameo_code IF NOT EXISTS FOR (n:Event) ON (n.cameoCode);
CREATE INDEX event_status IF NOT EXISTS FOR (n:Event) ON (n.status);
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE INDEX actor_country_code IF NOT EXISTS FOR (n:Actor) ON (n.countryCode);
CREATE INDEX mention_fact_id IF NOT EXISTS FOR (n:Mention) ON (n.factId);
CREATE INDEX event_type_root IF NOT EXISTS FOR (n:EventType) ON (n.rootCode);
CREATE INDEX participated_role IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.role);
// Names and aliases in every language, accent- and case-insensitive ("Biélorussie" = "BIELORUSSIE").
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases] OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
