import { ApiError, isAbort } from './api.ts';
import { type Child, fill, h, link } from './dom.ts';

export function loading(what: string): HTMLElement {
  return h(
    'p',
    { class: 'loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    `Loading ${what}…`,
  );
}

/** A failed request: what failed, the API's message and its error code, and a way to retry. */
export function errorBox(what: string, err: unknown, retry?: () => void): HTMLElement {
  const code = err instanceof ApiError ? err.code : 'CLIENT_ERROR';
  const message = err instanceof Error ? err.message : String(err);
  return h(
    'div',
    { class: 'error', role: 'alert', 'data-error-code': code },
    h('p', { class: 'error-title' }, `Could not load ${what}.`),
    h('p', null, message),
    h('p', null, 'Error code: ', h('code', null, code)),
    retry && h('button', { type: 'button', onclick: retry }, 'Try again'),
  );
}

export function notFound(what: string, id: string): HTMLElement {
  return h(
    'section',
    { class: 'not-found', 'data-state': 'not-found' },
    h('h1', null, 'Not found'),
    h('p', null, `No ${what} has the id “${id}”.`),
    h('p', null, link('/', 'Search for an actor'), ' instead.'),
  );
}

export function notFoundPage(): HTMLElement {
  return h(
    'section',
    { class: 'not-found', 'data-state': 'not-found' },
    h('h1', null, 'Not found'),
    h('p', null, 'There is no such page in the explorer.'),
    h('p', null, link('/', 'Search for an actor'), ' instead.'),
  );
}

/** What a renderer returns when it has filled the target itself (a drawing must stay attached). */
export const RENDERED = Symbol('rendered');
export type Rendered = typeof RENDERED;

/**
 * Fills `target` with a loading line, then with what `render` makes of the data, or with the
 * error and a retry button. Requests of a page that was left are dropped quietly.
 */
export async function loadInto<T>(
  target: HTMLElement,
  what: string,
  fetcher: () => Promise<T>,
  render: (data: T) => Child | Rendered | Promise<Child | Rendered>,
  signal: AbortSignal,
): Promise<void> {
  target.replaceChildren(loading(what));
  target.setAttribute('aria-busy', 'true');
  try {
    const data = await fetcher();
    if (signal.aborted) return;
    const content = await render(data);
    if (signal.aborted || content === RENDERED) return;
    fill(target, content);
  } catch (err) {
    if (isAbort(err) || signal.aborted) return;
    target.replaceChildren(errorBox(what, err, () => void loadInto(target, what, fetcher, render, signal)));
  } finally {
    target.removeAttribute('aria-busy');
  }
}
