/**
 * `npm run bench:extract`: the extraction engine's speed and memory on one core, beside the
 * API benchmarks. Articles are our fixtures (tests/fixtures/extraction), cut or repeated to
 * 3 000 characters; the gazetteer is the seed graph's plus the countries and lexicons. It prints
 * figures (and writes bench/results/<timestamp>-extract.json); it asserts nothing.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { graphActorsOfBundle } from '../src/modules/extraction/actors/from-bundle.ts';
import { buildGazetteer, type GraphActor } from '../src/modules/extraction/actors/gazetteer.ts';
import { defaultLexicons } from '../src/modules/extraction/lexicons.ts';
import { rulesEngine } from '../src/modules/extraction/rules/engine.ts';
import { LANGUAGES, type Language } from '../src/modules/extraction/types.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const SECONDS = Number(process.env.BENCH_EXTRACT_SECONDS ?? 3);

const seed = JSON.parse(readFileSync(`${root}data/seed/bbabo-2022-02-09.bundle.json`, 'utf8'));
const graph: GraphActor[] = graphActorsOfBundle(seed);
const lexicons = defaultLexicons();
const tGaz = performance.now();
const gazetteer = buildGazetteer(graph, lexicons);
const gazetteerMs = performance.now() - tGaz;

/** 10 000 actors, as a grown graph would hold, to see what the gazetteer costs to build. */
const manyActors: GraphActor[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `bench-actor-${i}`,
  name: `Bench Person ${i} Surname${i}`,
  kind: 'PERSON',
  aliases: [`Surname${i}`, `B. Surname${i}`],
  countryCode: null,
}));
const tMany = performance.now();
buildGazetteer([...graph, ...manyActors], lexicons);
const gazetteerManyMs = performance.now() - tMany;

function to3000(text: string): string {
  let out = text;
  while (out.length < 3_000) out += `\n\n${text}`;
  return out.slice(0, 3_000);
}

const samples: { lang: Language; text: string; publishedAt: string }[] = [];
for (const lang of LANGUAGES) {
  const dir = `${root}tests/fixtures/extraction/${lang}`;
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  } catch {}
  for (const f of files) {
    const gold = JSON.parse(readFileSync(`${dir}/${f.replace(/\.txt$/, '.gold.json')}`, 'utf8'));
    samples.push({ lang, text: to3000(readFileSync(`${dir}/${f}`, 'utf8')), publishedAt: gold.publishedAt });
  }
}
if (samples.length === 0) {
  samples.push({
    lang: 'fr',
    text: to3000(readFileSync(`${root}data/seed/bbabo-2022-02-09.txt`, 'utf8')),
    publishedAt: '2022-02-09',
  });
}

const run = (s: (typeof samples)[number]) =>
  rulesEngine.extract(
    { text: s.text, publishedAt: s.publishedAt, language: s.lang },
    { gazetteer, lexicons },
  );

for (const s of samples) run(s); // warm-up: lexicons parsed, code optimised
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let peakHeap = heapBefore;
const perLang = new Map<Language, number[]>();
const t0 = performance.now();
let n = 0;
while (performance.now() - t0 < SECONDS * 1000) {
  for (const s of samples) {
    const a = performance.now();
    run(s);
    const ms = performance.now() - a;
    const list = perLang.get(s.lang) ?? [];
    perLang.set(s.lang, list);
    list.push(ms);
    n++;
  }
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const elapsed = performance.now() - t0;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

// The largest text the API accepts (200 000 characters), once.
const big = samples
  .map((s) => s.text)
  .join('\n\n')
  .repeat(20)
  .slice(0, 200_000);
const tb = performance.now();
rulesEngine.extract(
  { text: big, publishedAt: samples[0]!.publishedAt, language: samples[0]!.lang },
  { gazetteer, lexicons },
);
const bigMs = performance.now() - tb;

const result = {
  at: new Date().toISOString(),
  articles: n,
  seconds: elapsed / 1000,
  articlesPerSecond: (n * 1000) / elapsed,
  perLanguage: Object.fromEntries(
    [...perLang.entries()].map(([lang, xs]) => [
      lang,
      { p50ms: quantile(xs, 0.5), p95ms: quantile(xs, 0.95), n: xs.length },
    ]),
  ),
  heapMiB: { before: heapBefore / 2 ** 20, peak: peakHeap / 2 ** 20 },
  gazetteerBuildMs: { seed: gazetteerMs, tenThousandActors: gazetteerManyMs },
  largestTextMs: bigMs,
};

console.log(`extraction, one core, ${samples.length} articles of 3 000 characters, ${SECONDS} s:`);
console.log(
  `  ${result.articlesPerSecond.toFixed(0)} articles a second (${n} in ${(elapsed / 1000).toFixed(1)} s)`,
);
for (const [lang, q] of Object.entries(result.perLanguage)) {
  console.log(`  ${lang}: p50 ${q.p50ms.toFixed(2)} ms, p95 ${q.p95ms.toFixed(2)} ms (${q.n} runs)`);
}
console.log(
  `  heap ${result.heapMiB.before.toFixed(0)} MiB before, ${result.heapMiB.peak.toFixed(0)} MiB at most`,
);
console.log(
  `  gazetteer build: ${gazetteerMs.toFixed(1)} ms for the seed graph, ${gazetteerManyMs.toFixed(0)} ms with 10 000 more actors`,
);
console.log(`  the largest accepted text (200 000 characters): ${bigMs.toFixed(0)} ms`);
mkdirSync(`${root}bench/results`, { recursive: true });
writeFileSync(
  `${root}bench/results/${result.at.replace(/[:.]/g, '').slice(0, 15)}Z-extract.json`,
  `${JSON.stringify(result, null, 2)}\n`,
);
