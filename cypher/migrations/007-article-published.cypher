// The newest articles first (article/list, the home page): read in the order of this index, so
// the page costs the same at any number of articles.
CREATE INDEX article_published_at IF NOT EXISTS FOR (n:Article) ON (n.publishedAt);
