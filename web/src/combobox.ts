// As-you-type actor search, as an ARIA 1.2 combobox with a listbox popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): the input keeps focus; arrows move the
// active option (aria-activedescendant), Enter picks it, Escape closes, then clears.

import { ApiError, gql, isAbort } from './api.ts';
import { h, uid } from './dom.ts';
import { fold, kindLabel } from './format.ts';
import { type ActorRef, SEARCH, type SearchHit } from './queries.ts';

export interface ComboboxOptions {
  label: string;
  placeholder?: string;
  /** Visually hide the label (the header search); it stays the accessible name. */
  hideLabel?: boolean;
  initial?: ActorRef | null;
  onSelect(actor: ActorRef): void;
}

export interface Combobox {
  element: HTMLElement;
  input: HTMLInputElement;
  /** The chosen actor, if any (typing after a choice clears it). */
  value(): ActorRef | null;
  set(actor: ActorRef | null): void;
}

const DEBOUNCE_MS = 180;
const MIN_CHARS = 2;

/** The alias that matched, when the name itself does not contain what was typed. */
function matchedAlias(hit: SearchHit, text: string): string | undefined {
  const words = fold(text).split(/\s+/).filter(Boolean);
  const matches = (s: string) => words.every((w) => fold(s).includes(w));
  if (matches(hit.node.name)) return undefined;
  return hit.node.aliases.find(matches);
}

export function combobox(options: ComboboxOptions): Combobox {
  const inputId = uid('combo-input');
  const listId = uid('combo-list');
  const statusId = uid('combo-status');
  const input = h('input', {
    id: inputId,
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': statusId,
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    placeholder: options.placeholder ?? 'Belarus, Biélorussie, Беларусь…',
  });
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    'aria-label': `${options.label}: suggestions`,
    hidden: true,
  });
  const status = h('p', { id: statusId, class: 'combo-status', 'aria-live': 'polite' });
  const element = h(
    'div',
    { class: 'combo' },
    h('label', { for: inputId, class: options.hideLabel ? 'sr-only' : 'combo-label' }, options.label),
    h('div', { class: 'combo-field' }, input, list),
    status,
  );

  let hits: SearchHit[] = [];
  let active = -1;
  let chosen: ActorRef | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;
  let lastText = '';

  const setStatus = (text: string, busy = false) => {
    status.textContent = text;
    delete status.dataset.errorCode;
    element.classList.toggle('busy', busy);
  };

  const open = (yes: boolean) => {
    const show = yes && hits.length > 0;
    list.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
    if (!show) setActive(-1);
  };

  const setActive = (i: number) => {
    active = i;
    const options = list.querySelectorAll<HTMLElement>('[role="option"]');
    options.forEach((opt, j) => {
      opt.setAttribute('aria-selected', String(j === i));
      opt.classList.toggle('active', j === i);
    });
    const current = options[i];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const choose = (hit: SearchHit) => {
    chosen = { id: hit.node.id, name: hit.node.name, kind: hit.node.kind };
    input.value = hit.node.name;
    lastText = input.value;
    open(false);
    setStatus('');
    options.onSelect(chosen);
  };

  const render = (text: string) => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const alias = matchedAlias(hit, text);
        return h(
          'li',
          {
            id: `${listId}-${i}`,
            role: 'option',
            'aria-selected': 'false',
            'data-actor-id': hit.node.id,
            // Keep focus in the input while the pointer picks an option.
            onmousedown: (e) => e.preventDefault(),
            onclick: () => choose(hit),
          },
          h('span', { class: 'opt-name' }, hit.node.name),
          alias && h('span', { class: 'opt-alias' }, ` “${alias}”`),
          h('span', { class: 'opt-kind' }, ` ${kindLabel(hit.node.kind)}`),
        );
      }),
    );
    active = -1;
  };

  const search = async (text: string) => {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    setStatus('Searching…', true);
    try {
      const data = await gql<{ search: SearchHit[] }>(SEARCH, { text, first: 8 }, controller.signal);
      if (controller.signal.aborted) return;
      hits = data.search;
      render(text);
      // Which text the suggestions answer (the browser tests wait for it).
      element.dataset.query = text;
      open(document.activeElement === input);
      setStatus(
        hits.length === 0
          ? `No actor matches “${text}”.`
          : `${hits.length} actor${hits.length === 1 ? '' : 's'} found; use the arrow keys and Enter to choose.`,
      );
    } catch (err) {
      if (isAbort(err) || controller.signal.aborted) return;
      hits = [];
      render(text);
      open(false);
      const code = err instanceof ApiError ? err.code : 'CLIENT_ERROR';
      setStatus(`Search failed: ${(err as Error).message} (error code ${code})`);
      status.dataset.errorCode = code;
    } finally {
      if (inflight === controller) element.classList.remove('busy');
    }
  };

  input.addEventListener('input', () => {
    const text = input.value.trim();
    if (input.value === lastText) return;
    lastText = input.value;
    chosen = null;
    clearTimeout(timer);
    if (text.length < MIN_CHARS) {
      inflight?.abort();
      hits = [];
      render(text);
      open(false);
      setStatus(text.length ? 'Type at least two characters.' : '');
      return;
    }
    timer = setTimeout(() => void search(text), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (e) => {
    const expanded = !list.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!expanded) open(true);
        if (hits.length) setActive((active + 1) % hits.length);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!expanded) open(true);
        if (hits.length) setActive(active <= 0 ? hits.length - 1 : active - 1);
        break;
      case 'Enter': {
        // Enter with nothing highlighted takes the best match: what a search box is expected to do.
        const hit = hits[active] ?? (expanded ? hits[0] : undefined);
        if (hit) {
          e.preventDefault();
          choose(hit);
        }
        break;
      }
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          open(false);
        } else if (input.value) {
          e.preventDefault();
          input.value = '';
          lastText = '';
          chosen = null;
          hits = [];
          render('');
          setStatus('');
        }
        break;
      case 'Home':
      case 'End':
        if (expanded) setActive(-1);
        break;
      case 'Tab':
        open(false);
        break;
    }
  });

  input.addEventListener('focus', () => {
    if (hits.length && !chosen) open(true);
  });
  input.addEventListener('blur', () => open(false));

  const set = (actor: ActorRef | null) => {
    chosen = actor;
    input.value = actor?.name ?? '';
    lastText = input.value;
    hits = [];
    render('');
    open(false);
    setStatus('');
  };
  if (options.initial) set(options.initial);

  return { element, input, value: () => chosen, set };
}
