import { describe, expect, it } from 'vitest';
import { toLuceneQuery } from '../../src/modules/search/search.repository.ts';

describe('toLuceneQuery', () => {
  it('requires every term and matches the last one as a folded prefix', () => {
    expect(toLuceneQuery('Sergueï Lav')).toBe('Sergueï AND (Lav OR lav*)');
    expect(toLuceneQuery('Biélo')).toBe('(Biélo OR bielo*)');
  });

  it('strips Lucene syntax so that input is matched as text', () => {
    expect(toLuceneQuery('name:* OR "x"~2 (a) [b TO c] \\')).toBe(
      'name AND or AND x AND 2 AND a AND b AND to AND c',
    );
    expect(toLuceneQuery('***')).toBeNull();
    expect(toLuceneQuery('   ')).toBeNull();
  });
});
