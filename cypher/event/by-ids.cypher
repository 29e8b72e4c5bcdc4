UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN e {.id, .summary, .cameoCode, .status, .earliest, .latest, .precision, .qualifier, .dateText} AS event
