UNWIND $links AS l
MATCH (a:Event {id: l.from}), (b:Event {id: l.to})
MERGE (a)-[:$(l.type)]->(b)
