// The explorer's shell: a header with the actor search, and hash routes (#/actor/belarus),
// so that every page can be linked to and Back works.

import './style.css';
import { combobox } from './combobox.ts';
import { h } from './dom.ts';
import { showPage } from './page.ts';
import { parseRoute, type Route } from './routes.ts';
import { notFoundPage } from './status.ts';
import { actorView } from './views/actor.ts';
import { addArticleView } from './views/add-article.ts';
import { articleView } from './views/article.ts';
import { eventView } from './views/event.ts';
import { homeView } from './views/home.ts';
import { pairView } from './views/pair.ts';
import { pathView } from './views/path.ts';

const NAV: { route: string; label: string; name: Route['name'] }[] = [
  { route: '/', label: 'Search', name: 'home' },
  { route: '/path', label: 'Path finder', name: 'path' },
  { route: '/pair', label: 'Pair', name: 'pair' },
  { route: '/add', label: 'Add an article', name: 'add' },
];

const main = h('main', { id: 'main', tabindex: '-1' });
const headerSearch = combobox({
  label: 'Search actors',
  hideLabel: true,
  placeholder: 'Search actors: Belarus, Biélorussie, OTAN…',
  onSelect: (actor) => {
    location.hash = `#/actor/${encodeURIComponent(actor.id)}`;
    headerSearch.set(null);
  },
});
const navLinks = NAV.map((n) => h('a', { href: `#${n.route}`, 'data-route': n.name }, n.label));
const skip = h('a', { class: 'skip', href: '#main' }, 'Skip to content');
skip.addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});

document.body.replaceChildren(
  skip,
  h(
    'header',
    { class: 'site' },
    h('a', { class: 'brand', href: '#/' }, h('span', { class: 'logo', 'aria-hidden': 'true' }), 'Parley'),
    h('nav', { 'aria-label': 'Main' }, navLinks),
    h('div', { class: 'header-search', role: 'search' }, headerSearch.element),
  ),
  main,
  h(
    'footer',
    { class: 'site' },
    h(
      'p',
      null,
      'Parley explorer · every figure comes from the GraphQL API at ',
      h('a', { href: '/graphql' }, '/graphql'),
      '.',
    ),
  ),
);

let current: AbortController | undefined;

async function render(): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const route = parseRoute(location.hash);
  document.body.dataset.route = route.name;
  for (const a of navLinks) {
    if (a.dataset.route === route.name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  main.setAttribute('aria-busy', 'true');
  const signal = controller.signal;
  try {
    switch (route.name) {
      case 'home':
        await homeView(main, signal);
        break;
      case 'actor':
        await actorView(main, route.params[0]!, signal);
        break;
      case 'event':
        await eventView(main, route.params[0]!, signal);
        break;
      case 'article':
        await articleView(main, route.params[0]!, route.query, signal);
        break;
      case 'path':
        await pathView(main, route.params, route.query, signal);
        break;
      case 'pair':
        await pairView(main, route.params, route.query, signal);
        break;
      case 'add':
        addArticleView(main, signal);
        break;
      default:
        showPage(main, 'Not found', [notFoundPage()]);
    }
  } finally {
    if (current === controller) main.removeAttribute('aria-busy');
  }
}

window.addEventListener('hashchange', () => {
  window.scrollTo(0, 0);
  void render();
});
void render();
