// What the start-up seed needs to know, read only: is there any article yet, and which version
// of the codebook the graph holds (null when none was recorded).
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
OPTIONAL MATCH (c:Codebook {id: $codebookId})
RETURN articles, c.version AS codebookVersion
