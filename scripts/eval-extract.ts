/**
 * `npm run eval:extract`: the rules engine against our annotated articles
 * (tests/fixtures/extraction/<lang>/*.gold.json), per language and split, and the seed
 * article into an empty and into the seeded graph. It prints figures; it asserts nothing.
 *
 * Matching (docs/extraction.md, "Evaluation"):
 * - actors: the actors the draft recognises in the text (highlighted, linked or new) against the
 *   gold's; a country named only as a place is in neither;
 * - events: a draft event matches a gold event when its trigger lies inside the gold quote's
 *   sentence span and the CAMEO roots agree, one to one;
 * - roles, of matched events: (actor, role class) pairs; classes are source (ACTOR, SPEAKER,
 *   ON_BEHALF_OF, HOST), target (RECIPIENT, ADDRESSEE) and other (SUBJECT, PARTICIPANT); only
 *   roles the review accepts by default (confidence >= 0.5) count;
 * - dates, of matched events: exact (same interval), coarser but true (contains the gold), or
 *   fabricated (anything else: it claims what the text does not say).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { graphActorsOfBundle } from '../src/modules/extraction/actors/from-bundle.ts';
import { buildGazetteer, type GraphActor } from '../src/modules/extraction/actors/gazetteer.ts';
import { draftIssues } from '../src/modules/extraction/checks.ts';
import { defaultLexicons } from '../src/modules/extraction/lexicons.ts';
import { BUNDLE_ROLE_CONFIDENCE } from '../src/modules/extraction/rules/assemble.ts';
import { rulesEngine } from '../src/modules/extraction/rules/engine.ts';
import { type Draft, LANGUAGES, type Language } from '../src/modules/extraction/types.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const json = process.argv.includes('--json');

interface GoldEvent {
  quote: string;
  code: string;
  status: string;
  roles: { actorId: string; role: string }[];
  date: { earliest: string; latest: string; precision: string; qualifier: string | null };
}
interface Gold {
  split: 'dev' | 'heldout';
  publishedAt: string;
  title?: string;
  publisher?: string;
  actors: { id: string }[];
  events: GoldEvent[];
}
interface Article {
  lang: Language;
  name: string;
  text: string;
  gold: Gold;
}

const seedBundle = JSON.parse(readFileSync(`${root}data/seed/bbabo-2022-02-09.bundle.json`, 'utf8'));
const seedActors: GraphActor[] = graphActorsOfBundle(seedBundle);
const lexicons = defaultLexicons();
const seededGazetteer = buildGazetteer(seedActors, lexicons);
const emptyGazetteer = buildGazetteer([], lexicons);

function loadArticles(): Article[] {
  const out: Article[] = [];
  for (const lang of LANGUAGES) {
    const dir = `${root}tests/fixtures/extraction/${lang}`;
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.gold.json'));
    } catch {
      continue;
    }
    for (const f of files.sort()) {
      const name = f.slice(0, -'.gold.json'.length);
      out.push({
        lang,
        name,
        text: readFileSync(`${dir}/${name}.txt`, 'utf8'),
        gold: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')),
      });
    }
  }
  return out;
}

const CLASS: Record<string, string> = {
  ACTOR: 'source',
  SPEAKER: 'source',
  ON_BEHALF_OF: 'source',
  HOST: 'source',
  RECIPIENT: 'target',
  ADDRESSEE: 'target',
  SUBJECT: 'other',
  PARTICIPANT: 'other',
};

class Tally {
  actors = { tp: 0, pred: 0, gold: 0 };
  events = { tp: 0, pred: 0, gold: 0 };
  roles = { tp: 0, pred: 0, gold: 0 };
  dates = { exact: 0, coarser: 0, fabricated: 0 };
  status = { right: 0, all: 0 };
  offsets = { ok: 0, all: 0 };
  articles = 0;
  chars = 0;
  ms = 0;
  misses: string[] = [];
  add(o: Tally) {
    for (const k of ['actors', 'events', 'roles'] as const) {
      this[k].tp += o[k].tp;
      this[k].pred += o[k].pred;
      this[k].gold += o[k].gold;
    }
    this.dates.exact += o.dates.exact;
    this.dates.coarser += o.dates.coarser;
    this.dates.fabricated += o.dates.fabricated;
    this.status.right += o.status.right;
    this.status.all += o.status.all;
    this.offsets.ok += o.offsets.ok;
    this.offsets.all += o.offsets.all;
    this.articles += o.articles;
    this.chars += o.chars;
    this.ms += o.ms;
  }
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f2 = (x: number) => x.toFixed(2);

/** The sentence span around a quote, so that a trigger anywhere in the gold's clause counts. */
function sentenceOf(draft: Draft, start: number, end: number) {
  return draft.sentences.find((s) => s.start <= start && s.end >= end) ?? { start, end };
}

function score(article: Article, draft: Draft, ms: number): Tally {
  const t = new Tally();
  t.articles = 1;
  t.chars = article.text.length;
  t.ms = ms;
  const goldActors = new Set(article.gold.actors.map((a) => a.id));
  const predActors = new Set(draft.actors.map((a) => a.id));
  t.actors.gold = goldActors.size;
  t.actors.pred = predActors.size;
  for (const id of predActors) if (goldActors.has(id)) t.actors.tp++;
  for (const id of goldActors) if (!predActors.has(id)) t.misses.push(`actor missed: ${id}`);
  for (const id of predActors) if (!goldActors.has(id)) t.misses.push(`actor extra: ${id}`);

  t.events.gold = article.gold.events.length;
  t.events.pred = draft.events.length;
  const free = new Set(draft.events.map((_, i) => i));
  for (const g of article.gold.events) {
    const at = article.text.indexOf(g.quote);
    if (at < 0) {
      t.misses.push(`gold quote not in text: ${g.quote.slice(0, 40)}`);
      continue;
    }
    const s = sentenceOf(draft, at, at + g.quote.length);
    const inGold = (i: number) => {
      const e = draft.events[i]!;
      return (
        e.trigger.start >= Math.min(at, s.start) && e.trigger.end <= Math.max(at + g.quote.length, s.end)
      );
    };
    const candidates = [...free].filter(
      (i) => inGold(i) && draft.events[i]!.cameoCode.slice(0, 2) === g.code.slice(0, 2),
    );
    // Prefer a trigger inside the quote itself.
    candidates.sort((a, b) => {
      const inside = (i: number) =>
        draft.events[i]!.trigger.start >= at && draft.events[i]!.trigger.end <= at + g.quote.length ? 0 : 1;
      return inside(a) - inside(b);
    });
    const hit = candidates[0];
    if (hit === undefined) {
      const near = [...free].filter(inGold).map((i) => draft.events[i]!.cameoCode);
      t.misses.push(
        `event missed: ${g.code} «${g.quote.slice(0, 50)}»${near.length ? ` (found ${near.join(',')})` : ''}`,
      );
      continue;
    }
    free.delete(hit);
    t.events.tp++;
    const e = draft.events[hit]!;
    t.status.all++;
    if (e.status === g.status) t.status.right++;
    else t.misses.push(`status ${e.status} for ${g.status}: «${g.quote.slice(0, 40)}»`);
    const goldRoles = new Set(g.roles.map((r) => `${r.actorId}|${CLASS[r.role]}`));
    const predRoles = new Set(
      e.roles
        .filter((r) => r.confidence >= BUNDLE_ROLE_CONFIDENCE)
        .map((r) => `${r.actorId}|${CLASS[r.role]}`),
    );
    t.roles.gold += goldRoles.size;
    t.roles.pred += predRoles.size;
    for (const r of predRoles) if (goldRoles.has(r)) t.roles.tp++;
    const missedRoles = [...goldRoles].filter((r) => !predRoles.has(r));
    const extraRoles = [...predRoles].filter((r) => !goldRoles.has(r));
    if (missedRoles.length || extraRoles.length) {
      t.misses.push(
        `roles «${g.quote.slice(0, 40)}»: missed ${missedRoles.join(' ') || '-'}; extra ${extraRoles.join(' ') || '-'}`,
      );
    }
    const d = e.date;
    if (d.earliest === g.date.earliest && d.latest === g.date.latest) t.dates.exact++;
    else if (d.earliest <= g.date.earliest && d.latest >= g.date.latest) {
      t.dates.coarser++;
      t.misses.push(
        `date coarser ${d.earliest}..${d.latest} for ${g.date.earliest}..${g.date.latest}: «${g.quote.slice(0, 40)}»`,
      );
    } else {
      t.dates.fabricated++;
      t.misses.push(
        `DATE FABRICATED ${d.earliest}..${d.latest} for ${g.date.earliest}..${g.date.latest}: «${g.quote.slice(0, 40)}»`,
      );
    }
  }
  for (const i of free)
    t.misses.push(`event extra: ${draft.events[i]!.cameoCode} «${draft.events[i]!.trigger.quote}»`);
  const issues = draftIssues(draft, article.text);
  const items =
    draft.sentences.length +
    draft.actors.reduce((n, a) => n + a.mentions.length, 0) +
    draft.events.length * 3 +
    draft.facts.length;
  t.offsets.all = items;
  t.offsets.ok = items - issues.length;
  for (const i of issues) t.misses.push(`OFFSET: ${i}`);
  return t;
}

function extract(article: Article, gazetteer = seededGazetteer): { draft: Draft; ms: number } {
  const t0 = performance.now();
  const draft = rulesEngine.extract(
    {
      text: article.text,
      publishedAt: article.gold.publishedAt,
      language: article.lang,
      title: article.gold.title ?? null,
      publisher: article.gold.publisher ?? null,
    },
    { gazetteer, lexicons },
  );
  return { draft, ms: performance.now() - t0 };
}

function row(label: string, t: Tally) {
  return {
    label,
    articles: t.articles,
    actorsP: ratio(t.actors.tp, t.actors.pred),
    actorsR: ratio(t.actors.tp, t.actors.gold),
    eventsP: ratio(t.events.tp, t.events.pred),
    eventsR: ratio(t.events.tp, t.events.gold),
    rolesP: ratio(t.roles.tp, t.roles.pred),
    rolesR: ratio(t.roles.tp, t.roles.gold),
    datesExact: ratio(t.dates.exact, t.events.tp),
    datesCoarser: t.dates.coarser,
    datesFabricated: t.dates.fabricated,
    status: ratio(t.status.right, t.status.all),
    offsets: ratio(t.offsets.ok, t.offsets.all),
    articlesPerSecond: t.ms ? (t.articles * 1000) / t.ms : 0,
  };
}

const articles = loadArticles();
// Warm the lexicons and the engine once, so that throughput is the steady state.
if (articles[0]) extract(articles[0]);
const tallies = new Map<string, Tally>();
const tally = (k: string) => {
  let t = tallies.get(k);
  if (!t) {
    t = new Tally();
    tallies.set(k, t);
  }
  return t;
};
const misses: string[] = [];
for (const a of articles) {
  const { draft, ms } = extract(a);
  const t = score(a, draft, ms);
  for (const key of [`${a.lang} ${a.gold.split}`, `all ${a.gold.split}`, `${a.lang} all`, 'all all'])
    tally(key).add(t);
  // Held-out misses are not printed: the rules must not be tuned on them.
  if (t.misses.length && a.gold.split === 'dev') misses.push(`${a.name}:\n  ${t.misses.join('\n  ')}`);
}

// The seed article: into the seeded graph (no duplicate actor) and into an empty one.
const seedText = readFileSync(`${root}data/seed/bbabo-2022-02-09.txt`, 'utf8');
const seedArticle: Article = {
  lang: 'fr',
  name: 'seed',
  text: seedText,
  gold: {
    split: 'dev',
    publishedAt: '2022-02-09',
    title: seedBundle.article.title,
    publisher: seedBundle.article.publisher,
    actors: seedBundle.actors.map((a: { id: string }) => ({ id: a.id })),
    events: seedBundle.events.map(
      (e: {
        mentions: { quote: string }[];
        cameoCode: string;
        status: string;
        participants: GoldEvent['roles'];
        date: GoldEvent['date'];
      }) => ({
        quote: e.mentions[0]!.quote,
        code: e.cameoCode,
        status: e.status,
        roles: e.participants,
        date: e.date,
      }),
    ),
  },
};
const seedRuns = {
  seeded: score(seedArticle, extract(seedArticle, seededGazetteer).draft, 0),
  empty: score(seedArticle, extract(seedArticle, emptyGazetteer).draft, 0),
};
const seededDraft = extract(seedArticle, seededGazetteer).draft;
const newInSeeded =
  seededDraft.bundle.actors?.filter((a) => !seedActors.some((s) => s.id === a.id)).map((a) => a.id) ?? [];

// Throughput on one core: every article, repeated, as 3 000-character slices.
const sample = articles.map((a) => a.text.slice(0, 3_000));
const t0 = performance.now();
let runs = 0;
while (performance.now() - t0 < 2_000) {
  for (const [i, text] of sample.entries()) {
    rulesEngine.extract(
      { text, publishedAt: articles[i]!.gold.publishedAt, language: articles[i]!.lang },
      { gazetteer: seededGazetteer, lexicons },
    );
    runs++;
  }
}
const throughput = (runs * 1000) / (performance.now() - t0);
const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;

const rows = [...tallies.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => row(k, t));
if (json) {
  console.log(
    JSON.stringify(
      {
        rows,
        seed: { seeded: row('seed seeded', seedRuns.seeded), empty: row('seed empty', seedRuns.empty) },
        throughput,
        heapMiB,
      },
      null,
      2,
    ),
  );
} else {
  const head = [
    'lang split',
    'n',
    'act P',
    'act R',
    'evt P',
    'evt R',
    'role P',
    'role R',
    'date =',
    'coarser',
    'FABR',
    'status',
    'offsets',
  ];
  console.log(head.map((h, i) => (i === 0 ? h.padEnd(14) : h.padStart(7))).join(' '));
  for (const r of rows) {
    console.log(
      [
        r.label.padEnd(14),
        String(r.articles).padStart(7),
        ...[r.actorsP, r.actorsR, r.eventsP, r.eventsR, r.rolesP, r.rolesR, r.datesExact].map((x) =>
          f2(x).padStart(7),
        ),
        String(r.datesCoarser).padStart(7),
        String(r.datesFabricated).padStart(7),
        f2(r.status).padStart(7),
        `${(r.offsets * 100).toFixed(1)}%`.padStart(7),
      ].join(' '),
    );
  }
  for (const [label, t] of Object.entries(seedRuns)) {
    console.log(
      `seed article into the ${label} graph: actors ${t.actors.tp}/${t.actors.gold} (extra ${t.actors.pred - t.actors.tp}), events ${t.events.tp}/${t.events.gold} with the right root (extra ${t.events.pred - t.events.tp}), dates exact ${t.dates.exact}, coarser ${t.dates.coarser}, fabricated ${t.dates.fabricated}`,
    );
  }
  console.log(
    `seed into the seeded graph: new actors in the bundle: ${newInSeeded.length ? newInSeeded.join(', ') : 'none'}`,
  );
  console.log(
    `throughput: ${throughput.toFixed(0)} articles of up to 3 000 characters a second on one core; heap ${heapMiB.toFixed(0)} MiB`,
  );
  if (process.argv.includes('--misses')) {
    console.log('\nmisses on the dev articles (held-out ones are never printed):');
    console.log(misses.join('\n'));
    console.log('seed (seeded):\n  ' + seedRuns.seeded.misses.join('\n  '));
    console.log('seed (empty):\n  ' + seedRuns.empty.misses.join('\n  '));
  }
}
