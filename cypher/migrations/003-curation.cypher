// An id that was merged into another actor keeps pointing at it, so later bundles that still
// use the old id land on the surviving actor.
CREATE CONSTRAINT actor_redirect_id IF NOT EXISTS FOR (n:ActorRedirect) REQUIRE n.id IS UNIQUE;
