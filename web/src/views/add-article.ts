// "Add an article": an editor pastes an article, the API extracts a draft (extractArticle), the
// editor reviews it here — accepts, rejects, edits — and sends the reviewed bundle to
// ingestArticle. The review's rules live in review.ts; this file only renders and collects.

import { ApiError, gql, isAbort } from '../api.ts';
import { combobox } from '../combobox.ts';
import { kindBadge } from '../components.ts';
import { type Child, fill, h, link, uid } from '../dom.ts';
import { kindLabel, words } from '../format.ts';
import { showPage } from '../page.ts';
import {
  type DraftActor,
  type DraftEvent,
  type DraftFact,
  EXTRACT_ARTICLE,
  type ExtractionDraft,
  type ExtractionEvidence,
  type ExtractionLanguage,
  type ExtractionWarning,
  INGEST_ARTICLE,
  type IngestResult,
  type TextSpan,
} from '../queries.ts';
import {
  type Decisions,
  dateIssues,
  dateLabel,
  initialDecisions,
  isCameoCode,
  PRECISIONS,
  QUALIFIERS,
  type Review,
  ROLES,
  reviewBundle,
} from '../review.ts';

/** The editor key lives for this tab only: never localStorage, never the URL. */
const KEY_STORAGE = 'parley.editorKey';

const LANGUAGES: [ExtractionLanguage, string][] = [
  ['AUTO', 'Detect'],
  ['FR', 'French'],
  ['EN', 'English'],
  ['RU', 'Russian'],
  ['DE', 'German'],
  ['PL', 'Polish'],
];

interface FormValues {
  text: string;
  publishedAt: string;
  language: ExtractionLanguage;
  title: string;
  publisher: string;
  url: string;
}

/**
 * The page's work survives a visit to an actor page and Back (in memory only, for this tab):
 * an editor checking a participant should not lose a half-done review.
 */
let kept: { form: FormValues; draft: ExtractionDraft | null; decisions: Decisions | null } | null = null;

function readKey(): string {
  try {
    return sessionStorage.getItem(KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

function writeKey(key: string): void {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key);
    else sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // Storage refused (a privacy mode): the key is then typed for each request.
  }
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A date typed as YYYY-MM-DD. Not a native date input: its layout follows the system's locale
 * (02/09/2022 is February or September depending on the machine), and the API, the bundle and
 * every page of the explorer write dates this one way.
 */
function isoDateInput(id: string, value: string): HTMLInputElement {
  return h('input', {
    id,
    type: 'text',
    class: 'iso-date',
    value,
    placeholder: 'YYYY-MM-DD',
    pattern: '\\d{4}-\\d{2}-\\d{2}',
    maxlength: 10,
    autocomplete: 'off',
    spellcheck: 'false',
  });
}

/** A labelled control in a `.field`; the label is always visible. */
function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid('field');
  control.id = id;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
  );
}

/** A checkbox with its label: Space toggles it, as any checkbox. */
function toggle(label: string, checked: boolean, onChange: (checked: boolean) => void): HTMLElement {
  const input = h('input', { type: 'checkbox', checked });
  input.addEventListener('change', () => onChange(input.checked));
  return h('label', { class: 'toggle' }, input, h('span', null, label));
}

/** Shows an API error in an alert region: its code and message, never a stack. */
function showError(region: HTMLElement, what: string, err: unknown): void {
  const code = err instanceof ApiError ? err.code : 'CLIENT_ERROR';
  const message = err instanceof Error ? err.message : String(err);
  const issues = err instanceof ApiError && Array.isArray(err.extensions.issues) ? err.extensions.issues : [];
  region.dataset.errorCode = code;
  region.classList.add('error');
  fill(
    region,
    h('p', { class: 'error-title' }, `${what} failed.`),
    h('p', null, message),
    h('p', null, 'Error code: ', h('code', null, code)),
    issues.length
      ? h(
          'ul',
          { class: 'issue-list' },
          issues.slice(0, 20).map((i) => {
            const issue = i as { path?: string; message?: string };
            return h('li', null, h('code', null, issue.path || '(bundle)'), ` ${issue.message ?? ''}`);
          }),
        )
      : null,
  );
  region.scrollIntoView({ block: 'nearest' });
}

function clearError(region: HTMLElement): void {
  delete region.dataset.errorCode;
  region.classList.remove('error');
  region.replaceChildren();
}

function evidenceList(groups: [string, ExtractionEvidence[], ExtractionWarning[]][]): HTMLElement | null {
  const shown = groups.filter(([, ev, w]) => ev.length || w.length);
  if (!shown.length) return null;
  const count = shown.reduce((n, [, ev]) => n + ev.length, 0);
  return h(
    'details',
    { class: 'evidence' },
    h('summary', null, `Evidence (${count} rule${count === 1 ? '' : 's'})`),
    shown.map(([title, ev, warnings]) => [
      h('p', { class: 'evidence-title' }, title),
      h(
        'ul',
        null,
        ev.map((e) =>
          h(
            'li',
            null,
            h('code', null, e.rule),
            e.entry ? [' ', h('code', { class: 'entry' }, e.entry)] : null,
            e.detail ? ` ${e.detail}` : null,
          ),
        ),
        warnings.map((w) => h('li', { class: 'warning' }, h('code', null, w.code), ` ${w.message}`)),
      ),
    ]),
  );
}

const confidence = (c: number) => h('span', { class: 'confidence' }, `confidence ${c.toFixed(2)}`);

/** The part of `outer` before, inside and after `inner`, when `inner` lies within it. */
function around(outer: TextSpan, inner: TextSpan): [string, string, string] | null {
  if (inner.start < outer.start || inner.end > outer.end) return null;
  const a = inner.start - outer.start;
  const b = inner.end - outer.start;
  return [outer.quote.slice(0, a), outer.quote.slice(a, b), outer.quote.slice(b)];
}

export function addArticleView(main: HTMLElement, signal: AbortSignal): void {
  const form0: FormValues = kept?.form ?? {
    text: '',
    publishedAt: '',
    language: 'AUTO',
    title: '',
    publisher: '',
    url: '',
  };

  const text = h('textarea', { id: 'add-text', rows: 12, spellcheck: 'false', required: true });
  text.value = form0.text;
  const publishedAt = isoDateInput('add-date', form0.publishedAt);
  publishedAt.required = true;
  const language = h(
    'select',
    { id: 'add-language' },
    LANGUAGES.map(([v, label]) => h('option', { value: v, selected: v === form0.language }, label)),
  );
  const title = h('input', { id: 'add-title', type: 'text', value: form0.title, autocomplete: 'off' });
  const publisher = h('input', {
    id: 'add-publisher',
    type: 'text',
    value: form0.publisher,
    autocomplete: 'off',
  });
  const url = h('input', { id: 'add-url', type: 'url', value: form0.url, autocomplete: 'off' });
  const key = h('input', {
    id: 'add-key',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    value: readKey(),
  });
  key.addEventListener('input', () => writeKey(key.value.trim()));
  const extractButton = h('button', { type: 'submit', class: 'primary' }, 'Extract');
  const extractAlert = h('div', { id: 'extract-alert', class: 'alert', role: 'alert' });
  const draftHost = h('div', { class: 'draft-host' });

  const values = (): FormValues => ({
    text: text.value,
    publishedAt: publishedAt.value,
    language: language.value as ExtractionLanguage,
    title: title.value.trim(),
    publisher: publisher.value.trim(),
    url: url.value.trim(),
  });
  const remember = (draft: ExtractionDraft | null, decisions: Decisions | null) => {
    kept = { form: values(), draft, decisions };
  };
  for (const el of [text, publishedAt, language, title, publisher, url]) {
    el.addEventListener('change', () => remember(kept?.draft ?? null, kept?.decisions ?? null));
  }

  // The server checks the input (empty text, dates, sizes) and answers with a code: the form
  // does not second-guess it, so the codes an editor sees are the API's own.
  const form = h(
    'form',
    { class: 'card add-form', novalidate: true, 'aria-labelledby': 'add-form-h' },
    h('h2', { id: 'add-form-h' }, '1. The article'),
    field(
      'Text of the article',
      text,
      'Paste the whole text, exactly as published; nothing is sent until Extract.',
    ),
    h(
      'div',
      { class: 'form-grid' },
      field('Publication date (required)', publishedAt, `YYYY-MM-DD, e.g. ${today()}`),
      field('Language', language),
      field('Title', title),
      field('Publisher', publisher),
      field('URL', url),
    ),
    field(
      'Editor key',
      key,
      'Sent as a Bearer token with Extract and Ingest; kept in this tab only (session storage), never in the address.',
    ),
    h('div', { class: 'form-actions' }, extractButton),
  );

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void extract();
  });

  const extract = async () => {
    clearError(extractAlert);
    const v = values();
    writeKey(key.value.trim());
    extractButton.disabled = true;
    extractButton.textContent = 'Extracting…';
    form.setAttribute('aria-busy', 'true');
    try {
      const d = await gql<{ extractArticle: ExtractionDraft }>(
        EXTRACT_ARTICLE,
        {
          input: {
            text: v.text,
            publishedAt: v.publishedAt,
            language: v.language,
            title: v.title || null,
            publisher: v.publisher || null,
            url: v.url || null,
          },
        },
        signal,
        { token: key.value.trim() },
      );
      if (signal.aborted) return;
      const draft = d.extractArticle;
      const decisions = initialDecisions(draft);
      remember(draft, decisions);
      renderDraft(draftHost, draft, decisions, key, signal, remember);
      draftHost.querySelector<HTMLElement>('#draft-h')?.focus();
    } catch (err) {
      if (isAbort(err) || signal.aborted) return;
      showError(extractAlert, 'Extraction', err);
    } finally {
      extractButton.disabled = false;
      extractButton.textContent = 'Extract';
      form.removeAttribute('aria-busy');
    }
  };

  showPage(
    main,
    'Add an article',
    [
      h(
        'article',
        { class: 'add-page' },
        h(
          'header',
          { class: 'page-head' },
          h('p', { class: 'eyebrow' }, 'Editors'),
          h('h1', null, 'Add an article'),
          h(
            'p',
            { class: 'muted' },
            'Extraction proposes the actors, events, dates and facts of an article; you accept, reject or correct each, then ingest what you kept. Nothing is written before Ingest.',
          ),
        ),
        form,
        extractAlert,
        draftHost,
      ),
    ],
    kept?.draft ? null : text,
  );
  if (kept?.draft && kept.decisions)
    renderDraft(draftHost, kept.draft, kept.decisions, key, signal, remember);
}

interface Effective {
  id: string;
  name: string;
  linked: boolean;
  rejected: boolean;
}

function renderDraft(
  host: HTMLElement,
  draft: ExtractionDraft,
  decisions: Decisions,
  key: HTMLInputElement,
  signal: AbortSignal,
  remember: (draft: ExtractionDraft, decisions: Decisions) => void,
): void {
  const updaters: (() => void)[] = [];
  const changed = () => {
    remember(draft, decisions);
    for (const u of updaters) u();
  };

  /** Who a draft actor's mentions name now, after the editor's links. */
  const effective = (actorId: string): Effective => {
    const d = decisions.actors[actorId];
    const own = draft.actors.find((a) => a.id === actorId);
    if (!d)
      return { id: actorId, name: own?.name ?? actorId, linked: own?.status !== 'NEW', rejected: false };
    const target = draft.actors.find((a) => a.id === d.linkTo.id);
    return {
      id: d.linkTo.id,
      name: d.linkTo.name,
      // An actor found in the graph is linked by definition; a draft actor says itself.
      linked: target ? target.status === 'LINKED' : true,
      rejected: !d.accepted,
    };
  };

  const textBox = h('div', { class: 'article-text draft-text', lang: draft.language });
  const renderText = () => fill(textBox, highlightedText(draft, effective));
  updaters.push(renderText);
  renderText();

  const summary = h(
    'p',
    { class: 'facts-line' },
    `Engine ${draft.engine} · language ${draft.language} (${draft.languageSource === 'DETECTED' ? 'detected' : 'given'}, ${draft.languageConfidence.toFixed(2)}) · `,
    `${draft.actors.length} actor${draft.actors.length === 1 ? '' : 's'}, ${draft.events.length} event${draft.events.length === 1 ? '' : 's'}, ${draft.facts.length} fact${draft.facts.length === 1 ? '' : 's'}`,
  );
  const warnings = draft.warnings.length
    ? h(
        'ul',
        { class: 'draft-warnings' },
        draft.warnings.map((w) =>
          h('li', { 'data-warning-code': w.code }, h('code', null, w.code), ` ${w.message}`),
        ),
      )
    : null;

  const ingest = ingestSection(draft, decisions, key, signal, updaters);

  fill(
    host,
    h(
      'section',
      { class: 'draft', 'aria-labelledby': 'draft-h' },
      h('h2', { id: 'draft-h', tabindex: '-1' }, '2. Review the draft'),
      summary,
      warnings,
      h(
        'div',
        { class: 'columns draft-columns' },
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'draft-text-h' },
          h('h3', { id: 'draft-text-h' }, 'The text, with the actors it names'),
          h(
            'p',
            { class: 'legend hint' },
            h('mark', { class: 'actor-mention linked' }, 'linked'),
            ' an actor in the graph (a link to its page) · ',
            h('mark', { class: 'actor-mention new' }, 'new'),
            ' an actor the bundle adds · ',
            h('mark', { class: 'actor-mention rejected' }, 'rejected'),
          ),
          textBox,
        ),
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'draft-actors-h' },
          h('h3', { id: 'draft-actors-h' }, `Actors (${draft.actors.length})`),
          draft.actors.length
            ? h(
                'ul',
                { class: 'actor-review' },
                draft.actors.map((a) => actorItem(a, draft, decisions, changed, updaters)),
              )
            : h('p', { class: 'empty' }, 'No actor found.'),
        ),
      ),
      h(
        'section',
        { class: 'events-review', 'aria-labelledby': 'draft-events-h' },
        h('h3', { id: 'draft-events-h' }, `Events (${draft.events.length})`),
        draft.events.length
          ? h(
              'ol',
              { class: 'event-cards' },
              draft.events.map((e) => eventCard(e, draft, decisions, changed, updaters, effective)),
            )
          : h('p', { class: 'empty' }, 'No event found in this text.'),
      ),
      draft.facts.length
        ? h(
            'section',
            { class: 'facts-review', 'aria-labelledby': 'draft-facts-h' },
            h('h3', { id: 'draft-facts-h' }, `Facts (${draft.facts.length})`),
            h(
              'ul',
              { class: 'fact-cards' },
              draft.facts.map((f, i) => factCard(f, i, draft, decisions, changed, effective)),
            ),
          )
        : null,
    ),
    ingest,
  );
  for (const u of updaters) u();
}

/**
 * The text with every actor mention marked. Mentions that overlap an earlier, longer one are
 * left unmarked (the longer one names the actor), but they stay listed under their actor.
 */
function highlightedText(draft: ExtractionDraft, effective: (id: string) => Effective): Child[] {
  const text = draft.bundle && typeof draft.bundle === 'object' ? articleText(draft) : '';
  const mentions = draft.actors
    .flatMap((a) => a.mentions.map((m) => ({ ...m, actorId: a.id })))
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Child[] = [];
  let at = 0;
  for (const m of mentions) {
    if (m.start < at || m.end > text.length) continue;
    out.push(text.slice(at, m.start));
    const who = effective(m.actorId);
    const state = who.rejected ? 'rejected' : who.linked ? 'linked' : 'new';
    const label = `${m.quote}: ${who.name}, ${who.rejected ? 'rejected' : who.linked ? 'linked to the graph' : 'new actor'}`;
    const mark = h(
      'mark',
      { class: `actor-mention ${state}`, 'data-actor-id': who.id, 'data-state': state, title: label },
      m.quote,
    );
    out.push(
      state === 'linked'
        ? h('a', { href: `#/actor/${encodeURIComponent(who.id)}`, 'aria-label': label }, mark)
        : h('span', { class: 'mention-wrap', 'aria-label': label, role: 'note' }, mark),
    );
    at = m.end;
  }
  out.push(text.slice(at));
  return out;
}

function articleText(draft: ExtractionDraft): string {
  const article = (draft.bundle as { article?: { text?: unknown } }).article;
  return typeof article?.text === 'string' ? article.text : '';
}

function actorItem(
  a: DraftActor,
  draft: ExtractionDraft,
  decisions: Decisions,
  changed: () => void,
  updaters: (() => void)[],
): HTMLElement {
  const d = decisions.actors[a.id]!;
  const linkSelect = h('select', { id: uid('actor-link'), 'data-actor-link': a.id });
  const addOption = (id: string, name: string, note: string) => {
    if ([...linkSelect.options].some((o) => o.value === id)) return;
    const o = h('option', { value: id }, `${name} (${note})`);
    o.dataset.name = name;
    linkSelect.append(o);
  };
  addOption(a.id, a.name, a.status === 'LINKED' ? 'as extracted, in the graph' : 'as extracted, new');
  for (const other of draft.actors)
    if (other.id !== a.id)
      addOption(other.id, other.name, `${other.status === 'LINKED' ? 'in the graph' : 'new'}`);
  if (d.linkTo.id !== a.id) addOption(d.linkTo.id, d.linkTo.name, 'in the graph');
  linkSelect.value = d.linkTo.id;
  const setLink = (id: string, name: string) => {
    d.linkTo = { id, name };
    changed();
  };
  linkSelect.addEventListener('change', () => {
    const o = linkSelect.selectedOptions[0];
    setLink(linkSelect.value, o?.dataset.name ?? linkSelect.value);
  });
  const search = combobox({
    label: 'Or find an actor in the graph',
    placeholder: 'A name: Aleinik, Lavrov, OTAN…',
    onSelect: (actor) => {
      addOption(actor.id, actor.name, 'in the graph');
      linkSelect.value = actor.id;
      setLink(actor.id, actor.name);
    },
  });
  const item = h(
    'li',
    { class: 'actor-item', 'data-actor-id': a.id },
    h(
      'div',
      { class: 'item-head' },
      toggle(`Keep ${a.name}`, d.accepted, (checked) => {
        d.accepted = checked;
        changed();
      }),
      h(
        'span',
        { class: `badge status-${a.status.toLowerCase()}` },
        a.status === 'LINKED' ? 'linked' : 'new',
      ),
      kindBadge(a.kind),
    ),
    h(
      'p',
      { class: 'item-meta' },
      a.status === 'LINKED'
        ? link(`/actor/${encodeURIComponent(a.id)}`, a.name)
        : h('span', null, `${a.name} (${kindLabel(a.kind)}), to be added`),
      ' · id ',
      h('code', null, a.id),
      ' · ',
      confidence(a.confidence),
    ),
    h(
      'p',
      { class: 'item-meta' },
      `${a.mentions.length} mention${a.mentions.length === 1 ? '' : 's'}: `,
      [...new Set(a.mentions.map((m) => m.quote))].map((q, i) => [i ? ', ' : '', h('q', null, q)]),
      a.newAliases.length ? ` · new names: ${a.newAliases.join(', ')}` : null,
    ),
    h(
      'details',
      { class: 'edit' },
      h('summary', null, 'Change what its mentions name'),
      field('Its mentions name', linkSelect),
      search.element,
    ),
    evidenceList([['The actor', a.evidence, a.warnings]]),
  );
  updaters.push(() => {
    item.dataset.accepted = String(d.accepted);
    item.dataset.linkTo = d.linkTo.id;
  });
  return item;
}

function eventCard(
  e: DraftEvent,
  draft: ExtractionDraft,
  decisions: Decisions,
  changed: () => void,
  updaters: (() => void)[],
  effective: (id: string) => Effective,
): HTMLElement {
  const d = decisions.events[e.id]!;
  const headingId = uid('event-h');
  const sentence = draft.sentences[e.sentence];
  const parts = (sentence && around(sentence, e.trigger)) ?? around(e.mention, e.trigger);
  const quote = h(
    'blockquote',
    { class: 'sentence', lang: draft.language },
    parts
      ? [parts[0], h('mark', { class: 'trigger' }, parts[1]), parts[2]]
      : (sentence?.quote ?? e.mention.quote),
  );

  const when = h('dd', { class: 'event-date' });
  const cameo = h('dd', { class: 'event-cameo' });
  const showWhen = () => {
    when.textContent = dateLabel({ text: e.date.text, ...d.date });
    const code = d.cameoCode.trim();
    fill(
      cameo,
      h('code', null, code),
      code === e.cameoCode ? ` ${e.cameoName ?? ''}` : h('span', { class: 'muted' }, ' (edited)'),
    );
  };

  const roles = h(
    'ul',
    { class: 'roles' },
    e.roles.map((r, i) => {
      const rd = d.roles[i]!;
      const who = h('span', { class: 'role-actor' });
      const selectId = uid('role');
      const roleSelect = h(
        'select',
        { id: selectId, 'data-role-index': i },
        ROLES.map((role) => h('option', { value: role, selected: role === rd.role }, words(role))),
      );
      const label = h('label', { for: selectId, class: 'sr-only' });
      roleSelect.addEventListener('change', () => {
        rd.role = roleSelect.value as typeof rd.role;
        changed();
      });
      const keep = toggle('Keep', rd.accepted, (checked) => {
        rd.accepted = checked;
        changed();
      });
      const keepLabel = keep.querySelector('span')!;
      const li = h(
        'li',
        { class: 'role-item', 'data-actor-id': r.actorId },
        keep,
        who,
        label,
        roleSelect,
        confidence(r.confidence),
      );
      updaters.push(() => {
        const now = effective(r.actorId);
        fill(who, now.linked ? link(`/actor/${encodeURIComponent(now.id)}`, now.name) : now.name);
        if (now.rejected) who.append(h('span', { class: 'muted' }, ' (actor rejected)'));
        label.textContent = `Role of ${now.name}`;
        keepLabel.textContent = `Keep ${now.name}`;
        keepLabel.classList.add('sr-only');
        li.dataset.accepted = String(rd.accepted && !now.rejected);
        li.dataset.role = rd.role;
      });
      return li;
    }),
  );

  const cameoInput = h('input', {
    id: uid('cameo'),
    type: 'text',
    inputmode: 'numeric',
    pattern: '[0-9]{2,4}',
    maxlength: 4,
    value: d.cameoCode,
    autocomplete: 'off',
    'data-field': 'cameo',
  });
  const cameoError = h('p', { class: 'form-error', id: `${cameoInput.id}-error`, 'aria-live': 'polite' });
  cameoInput.setAttribute('aria-describedby', cameoError.id);
  cameoInput.addEventListener('input', () => {
    d.cameoCode = cameoInput.value.trim();
    const ok = isCameoCode(d.cameoCode);
    cameoInput.setAttribute('aria-invalid', String(!ok));
    cameoError.textContent = ok ? '' : 'A CAMEO code is 2 to 4 digits, e.g. 036.';
    changed();
  });

  const earliest = isoDateInput(uid('earliest'), d.date.earliest);
  const latest = isoDateInput(uid('latest'), d.date.latest);
  const precision = h(
    'select',
    { id: uid('precision'), 'data-field': 'precision' },
    PRECISIONS.map((p) => h('option', { value: p, selected: p === d.date.precision }, p)),
  );
  const qualifier = h(
    'select',
    { id: uid('qualifier'), 'data-field': 'qualifier' },
    h('option', { value: '', selected: d.date.qualifier === null }, 'none'),
    QUALIFIERS.map((q) => h('option', { value: q, selected: q === d.date.qualifier }, q)),
  );
  const dateError = h('p', { class: 'form-error', 'aria-live': 'polite' });
  const onDate = () => {
    d.date = {
      earliest: earliest.value,
      latest: latest.value,
      precision: precision.value,
      qualifier: qualifier.value || null,
    };
    const problems = dateIssues(d.date);
    dateError.textContent = problems.join('; ');
    for (const el of [earliest, latest]) el.setAttribute('aria-invalid', String(problems.length > 0));
    changed();
  };
  for (const el of [earliest, latest]) el.addEventListener('input', onDate);
  for (const el of [precision, qualifier]) el.addEventListener('change', onDate);

  const card = h(
    'li',
    { class: 'event-card', 'data-event-id': e.id, 'aria-labelledby': headingId },
    h(
      'div',
      { class: 'item-head' },
      toggle('Accept this event', d.accepted, (checked) => {
        d.accepted = checked;
        changed();
      }),
      h('span', { class: 'badge status' }, words(e.status)),
      confidence(e.confidence),
    ),
    h('h4', { id: headingId }, e.summary),
    quote,
    h(
      'dl',
      { class: 'event-facts' },
      h('dt', null, 'When'),
      when,
      h('dt', null, 'CAMEO'),
      cameo,
      h('dt', null, 'Status'),
      h('dd', null, e.status),
      h('dt', null, 'Roles'),
      h('dd', null, roles),
    ),
    e.warnings.length || e.date.warnings.length
      ? h(
          'ul',
          { class: 'draft-warnings' },
          [...e.warnings, ...e.date.warnings].map((w) =>
            h('li', { 'data-warning-code': w.code }, h('code', null, w.code), ` ${w.message}`),
          ),
        )
      : null,
    h(
      'details',
      { class: 'edit' },
      h('summary', null, 'Edit the code and the date'),
      h(
        'div',
        { class: 'form-grid' },
        h('div', null, field('CAMEO code', cameoInput), cameoError),
        field('Earliest', earliest),
        field('Latest', latest),
        field('Precision', precision),
        field('Qualifier', qualifier),
      ),
      dateError,
    ),
    evidenceList([
      ['The event', e.evidence, []],
      [`The date${e.date.text ? ` «${e.date.text}»` : ''}`, e.date.evidence, []],
      ...e.roles.map((r): [string, ExtractionEvidence[], ExtractionWarning[]] => [
        `${r.actorId} as ${words(r.role)}`,
        r.evidence,
        r.warnings,
      ]),
    ]),
  );
  updaters.push(() => {
    card.dataset.accepted = String(d.accepted);
    showWhen();
  });
  return card;
}

function factCard(
  f: DraftFact,
  i: number,
  draft: ExtractionDraft,
  decisions: Decisions,
  changed: () => void,
  effective: (id: string) => Effective,
): HTMLElement {
  const name = (id: string) => effective(id).name;
  const what =
    f.type === 'HOLDS_POSITION'
      ? `${name(f.subjectId)} holds the position “${f.title ?? ''}” at ${name(f.objectId)}`
      : f.type === 'MEMBER_OF'
        ? `${name(f.subjectId)} is a member of ${name(f.objectId)}`
        : `${name(f.subjectId)} is part of ${name(f.objectId)}`;
  return h(
    'li',
    { class: 'fact-card', 'data-fact-type': f.type },
    h(
      'div',
      { class: 'item-head' },
      toggle(`Keep: ${what}`, decisions.facts[i] ?? false, (checked) => {
        decisions.facts[i] = checked;
        changed();
      }),
      confidence(f.confidence),
    ),
    h('blockquote', { class: 'sentence', lang: draft.language }, f.mention.quote),
    evidenceList([['The fact', f.evidence, f.warnings]]),
  );
}

function ingestSection(
  draft: ExtractionDraft,
  decisions: Decisions,
  key: HTMLInputElement,
  signal: AbortSignal,
  updaters: (() => void)[],
): HTMLElement {
  const counts = h('p', { class: 'ingest-counts' });
  const notes = h('ul', { class: 'review-notes' });
  const issues = h('ul', { class: 'review-issues error' });
  const button = h('button', { type: 'button', class: 'primary' }, 'Ingest');
  const alert = h('div', { id: 'ingest-alert', class: 'alert', role: 'alert' });
  const outcome = h('div', { class: 'ingest-outcome', role: 'status' });
  const json = h('pre', { class: 'bundle-json' });
  const jsonDetails = h(
    'details',
    { class: 'bundle-details' },
    h('summary', null, 'The bundle to send (JSON)'),
    json,
  );
  let review: Review = reviewBundle(draft, decisions);

  updaters.push(() => {
    review = reviewBundle(draft, decisions);
    const b = review.bundle;
    counts.textContent = `Sends article ${String(b.article.id)} with ${b.events?.length ?? 0} event(s), ${b.facts?.length ?? 0} fact(s) and ${b.actors?.length ?? 0} actor definition(s).`;
    fill(
      notes,
      review.notes.map((n) => h('li', null, n)),
    );
    fill(
      issues,
      review.issues.map((i) => h('li', null, `${i.where}: ${i.message}`)),
    );
    issues.hidden = review.issues.length === 0;
    button.disabled = review.issues.length > 0;
    if (jsonDetails.open) json.textContent = JSON.stringify(b, null, 2);
  });
  jsonDetails.addEventListener('toggle', () => {
    if (jsonDetails.open) json.textContent = JSON.stringify(review.bundle, null, 2);
  });

  button.addEventListener('click', async () => {
    clearError(alert);
    outcome.replaceChildren();
    button.disabled = true;
    button.textContent = 'Ingesting…';
    try {
      const { ingestArticle: r } = await gql<IngestResult>(
        INGEST_ARTICLE,
        { bundle: review.bundle },
        signal,
        {
          token: key.value.trim(),
        },
      );
      if (signal.aborted) return;
      outcome.dataset.outcome = r.outcome;
      fill(
        outcome,
        h(
          'p',
          { class: 'ingest-result' },
          h(
            'strong',
            null,
            words(r.outcome).replace(/^./, (c) => c.toUpperCase()),
          ),
          `: article `,
          link(`/article/${encodeURIComponent(r.articleId)}`, r.articleId),
          ` · ${r.nodesCreated} nodes and ${r.relationshipsCreated} relationships created.`,
        ),
        review.participants.length
          ? h(
              'p',
              { class: 'see-actors' },
              'Its events on the participants’ pages: ',
              review.participants.map((p, i) => [
                i ? ' · ' : '',
                link(`/actor/${encodeURIComponent(p.id)}`, `see ${p.name}`),
              ]),
            )
          : null,
      );
      outcome.querySelector<HTMLElement>('a')?.focus();
    } catch (err) {
      if (isAbort(err) || signal.aborted) return;
      showError(alert, 'Ingest', err);
    } finally {
      button.textContent = 'Ingest';
      button.disabled = review.issues.length > 0;
    }
  });

  return h(
    'section',
    { class: 'card ingest', 'aria-labelledby': 'ingest-h' },
    h('h2', { id: 'ingest-h' }, '3. Ingest what you kept'),
    counts,
    notes,
    issues,
    jsonDetails,
    h('div', { class: 'form-actions' }, button),
    alert,
    outcome,
  );
}
