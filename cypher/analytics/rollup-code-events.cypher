// The events of the given CAMEO codes: what a new Goldstein score of those codes changes.
UNWIND $codes AS code
MATCH (:EventType {code: code})<-[:OF_TYPE]-(e:Event)
RETURN DISTINCT e.id AS id
ORDER BY id
