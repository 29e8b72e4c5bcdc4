UNWIND $documentIds AS documentId
MATCH (e:Event)-[:CONCERNS]->(:Document {id: documentId})
RETURN documentId, e {.id, .summary, .cameoCode, .status, .earliest, .latest, .precision, .qualifier, .dateText} AS event
ORDER BY documentId, e.earliest, e.id
