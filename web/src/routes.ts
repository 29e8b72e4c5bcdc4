// Hash routes: #/actor/belarus, #/event/<id>, #/article/<id>?at=start-end, #/path/a/b, #/pair/a/b,
// #/add (the editors' "Add an article" page).

export interface Route {
  name: 'home' | 'actor' | 'event' | 'article' | 'path' | 'pair' | 'add' | 'unknown';
  params: string[];
  query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const segments = pathPart
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const query = new URLSearchParams(queryPart);
  const [head, ...params] = segments;
  if (!head) return { name: 'home', params: [], query };
  if (['actor', 'event', 'article'].includes(head) && params.length === 1)
    return { name: head as Route['name'], params, query };
  if (head === 'add' && params.length === 0) return { name: 'add', params, query };
  if ((head === 'path' || head === 'pair') && params.length <= 2) return { name: head, params, query };
  return { name: 'unknown', params: segments, query };
}
