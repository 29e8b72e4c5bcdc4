// The form of the path finder and the pair view: two actors, each chosen with the as-you-type search.

import { gql } from '../api.ts';
import { combobox } from '../combobox.ts';
import { h } from '../dom.ts';
import { showPage } from '../page.ts';
import type { ActorRef } from '../queries.ts';
import { errorBox } from '../status.ts';

const TWO_ACTORS = `query TwoActors($a: ID!, $b: ID!) {
  a: actor(id: $a) { id name kind }
  b: actor(id: $b) { id name kind }
}`;

/** The actors named in the route, or null for an unknown id; `unknown` lists the ids not found. */
export async function resolveActors(
  ids: string[],
  signal: AbortSignal,
): Promise<{ actors: (ActorRef | null)[]; unknown: string[] }> {
  if (!ids.length) return { actors: [], unknown: [] };
  const d = await gql<{ a: ActorRef | null; b: ActorRef | null }>(
    TWO_ACTORS,
    { a: ids[0], b: ids[1] ?? ids[0] },
    signal,
  );
  const actors = ids.length === 1 ? [d.a] : [d.a, d.b];
  return { actors, unknown: ids.filter((_, i) => !actors[i]) };
}

/**
 * resolveActors for a view titled `title`: on failure the view shows the error with a retry and
 * this returns null, as it does when the route changed meanwhile (`signal` aborted).
 */
export async function resolveActorsForView(
  main: HTMLElement,
  title: string,
  ids: string[],
  signal: AbortSignal,
  retry: () => void,
): Promise<Awaited<ReturnType<typeof resolveActors>> | null> {
  try {
    const resolved = await resolveActors(ids, signal);
    return signal.aborted ? null : resolved;
  } catch (err) {
    if (!signal.aborted) showPage(main, title, [h('h1', null, title), errorBox('the actors', err, retry)]);
    return null;
  }
}

export interface PickerOptions {
  labels: [string, string];
  initial: [ActorRef | null, ActorRef | null];
  submit: string;
  extra?: HTMLElement[];
  onSubmit(a: ActorRef, b: ActorRef): void;
}

export function actorPicker(options: PickerOptions): HTMLFormElement {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const first = combobox({
    label: options.labels[0],
    initial: options.initial[0],
    onSelect: () => (error.textContent = ''),
  });
  const second = combobox({
    label: options.labels[1],
    initial: options.initial[1],
    onSelect: () => (error.textContent = ''),
  });
  const swap = h(
    'button',
    {
      type: 'button',
      class: 'swap',
      'aria-label': 'Swap the two actors',
      title: 'Swap the two actors',
      onclick: () => {
        const a = first.value();
        first.set(second.value());
        second.set(a);
      },
    },
    '⇄',
  );
  const form = h(
    'form',
    { class: 'picker', novalidate: true },
    h(
      'div',
      { class: 'picker-fields' },
      first.element,
      swap,
      second.element,
      ...(options.extra ?? []),
      h('div', { class: 'picker-submit' }, h('button', { type: 'submit', class: 'primary' }, options.submit)),
    ),
    error,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const a = first.value();
    const b = second.value();
    if (!a || !b) {
      error.textContent = `Choose ${!a ? options.labels[0].toLowerCase() : options.labels[1].toLowerCase()} from the suggestions first.`;
      (!a ? first.input : second.input).focus();
      return;
    }
    options.onSubmit(a, b);
  });
  return form;
}

/** A labelled select. */
export function select(
  label: string,
  name: string,
  values: [string, string][],
  current: string,
): HTMLElement {
  const id = `select-${name}`;
  const sel = h(
    'select',
    { id, name },
    values.map(([v, text]) => h('option', { value: v, selected: v === current }, text)),
  );
  return h('div', { class: 'field' }, h('label', { for: id }, label), sel);
}
