/** The run's results as JSON (everything) and markdown (the tables people read). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFile, GraphCounts, LoadResult } from './load.ts';
import type {
  ColdResult,
  Interval,
  OperationResult,
  Settings,
  SystemResult,
  WritesResult,
} from './measure.ts';
import { median } from './measure.ts';
import type { Targets } from './operations.ts';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  platform: string;
  node: string;
  java: string;
  neo4j: string;
  packages: Record<string, string>;
  loadAverageStart: number[];
  loadAverageEnd?: number[];
  /** Other processes competing for the CPU at the start (name and %CPU), as `ps` saw them. */
  busyProcessesStart: string[];
}

export interface SizeResult {
  size: string;
  generator: { seed: number; actors: number; events: number; idPrefix: string } & Omit<GeneratedFile, 'file'>;
  neo4j: { heapMiB: number; pageCacheMiB: number; startMs: number[] };
  load: {
    parley: LoadResult;
    raw: LoadResult | null;
    /** Parley events/s ÷ raw events/s (1 = as fast as the baseline). */
    ratio: number | null;
    /** The raw baseline loaded only this prefix of the bundles (time budget); Parley's rate is then taken over the same prefix. */
    baselineBundles: number | null;
    parleyOverPrefix: { events: number; ms: number; eventsPerSecond: number } | null;
    countsParley: GraphCounts;
    countsRaw: GraphCounts | null;
    countsMatch: boolean | null;
  };
  targets: Omit<Targets, 'months'> & { months: number };
  operations: OperationResult[];
  cold?: ColdResult[];
  writes?: WritesResult | null;
}

export interface Report {
  mode: string;
  startedAt: string;
  finishedAt: string;
  durationSec: number;
  command: string;
  settings: Settings & { batch: number };
  machine: Machine;
  sizes: SizeResult[];
}

const fmt = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
const int = (v: number) => v.toLocaleString('en-US');
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a && b ? `${(a / b).toFixed(2)}×` : '—';

const HOW: Record<SystemResult['expressible'], string> = {
  native: 'native',
  'native-approx': 'native, **approximate**',
  'cypher-escape-hatch': '@cypher (from Parley’s statements)',
  no: 'cannot',
  replay: 'Parley’s Cypher',
};

const ci = (c: Interval | null | undefined, digits = 1) =>
  c ? ` [${c[0].toFixed(digits)}, ${c[1].toFixed(digits)}]` : '';
const signed = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? '—' : `${v >= 0 ? '+' : ''}${v.toFixed(digits)}`;
const nameOf = (r: SystemResult) =>
  r.system === 'parley-cached' ? 'parley, cache warm' : `${r.system}${r.label ? ` (${r.label})` : ''}`;

function system(op: OperationResult, name: SystemResult['system']) {
  return op.systems.find((s) => s.system === name);
}

function loadTable(s: SizeResult): string[] {
  const l = s.load;
  const lines = [
    '| load path | bundles | events | time | events/s | Parley ÷ raw |',
    '|---|---:|---:|---:|---:|---:|',
    `| Parley ingest (\`ingestItems\`, batch ${l.parley.batch}) | ${int(l.parley.bundles)} | ${int(l.parley.events)} | ${fmt(l.parley.ms / 1000)} s | ${fmt(l.parley.eventsPerSecond)} | |`,
  ];
  if (l.parleyOverPrefix && l.raw) {
    lines.push(
      `| Parley ingest, first ${int(l.raw.bundles)} bundles | ${int(l.raw.bundles)} | ${int(l.parleyOverPrefix.events)} | ${fmt(l.parleyOverPrefix.ms / 1000)} s | ${fmt(l.parleyOverPrefix.eventsPerSecond)} | |`,
    );
  }
  if (l.raw) {
    lines.push(
      `| raw UNWIND/MERGE (batch ${l.raw.batch}) | ${int(l.raw.bundles)} | ${int(l.raw.events)} | ${fmt(l.raw.ms / 1000)} s | ${fmt(l.raw.eventsPerSecond)} | **${fmt(l.ratio, 2)}** |`,
    );
  }
  lines.push('');
  if (l.countsMatch !== null) {
    lines.push(
      l.countsMatch
        ? `Both databases hold the same graph: node counts per label (Parley’s Rollup* aggregates aside) and relationship counts per type are equal (${int(Object.values(l.countsParley.labels).reduce((a, b) => a + b, 0))} label entries, ${int(Object.values(l.countsParley.relationships).reduce((a, b) => a + b, 0))} relationships).`
        : '**The two databases differ** in node or relationship counts; see the JSON.',
    );
    lines.push('');
  }
  return lines;
}

function operationTable(s: SizeResult): string[] {
  const lines = [
    'p50 with its bootstrap 95% interval over every sample of the three runs; the runs’ own medians; throughput and latency with 8 operations in flight.',
    '',
    '| operation | system | expressed as | p50 ms [95% CI] | p50 of each run | p95 ms | ops/s | p50 / p99 under load ms | Cypher round trips | n | same answer |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const op of s.operations) {
    for (const r of op.systems) {
      const same =
        r.system !== 'neo4j-graphql'
          ? ''
          : r.agrees === true
            ? r.expressible === 'native-approx'
              ? 'yes (identical)'
              : 'yes'
            : r.agrees === false
              ? '**no**'
              : r.expressible === 'native-approx'
                ? 'approximate'
                : '—';
      lines.push(
        `| ${r.system === 'parley' ? `**${op.key}**` : ''} | ${nameOf(r)} | ${HOW[r.expressible]} | ${r.errors.length ? '**failed** (below)' : `${fmt(r.p50)}${ci(r.p50Ci)}`} | ${r.runP50.map((v) => fmt(v)).join(' / ')} | ${fmt(r.p95)} | ${fmt(r.opsPerSec)}${r.loadErrors ? ` (${r.loadErrors} failed)` : ''} | ${fmt(r.loadP50)} / ${fmt(r.loadP99)} | ${r.roundTrips ?? '—'} | ${r.n} | ${same} |`,
      );
    }
  }
  lines.push('');
  const failures = s.operations.flatMap((op) =>
    op.systems.flatMap((r) => [
      ...(r.errors.length ? [`- ${op.key}, ${nameOf(r)}: ${r.errors[0]}`] : []),
      ...(r.loadErrors
        ? [
            `- ${op.key}, ${nameOf(r)}: ${r.loadErrors} operations failed under load${r.loadErrorSample ? ` (${r.loadErrorSample})` : ''}`,
          ]
        : []),
    ]),
  );
  if (failures.length) lines.push('Failures:', '', ...failures, '');
  return lines;
}

function ratioTable(s: SizeResult): string[] {
  const lines = [
    'Parley ÷ @neo4j/graphql: p50 over the fastest of the peer’s forms that gives Parley’s answer (else the fastest approximate one, marked **approximate**), with a bootstrap 95% interval and the ratio in each of the three runs; a ratio is quoted only when the three runs agree on its side of 1. Parley − raw and Parley − floor: differences of the medians, ms, with 95% intervals (raw: the same statements through the driver; floor: the same behind node:http and JSON).',
    '',
    '| operation | peer form | Parley ÷ peer p50 [95% CI] | each run | quoted | Parley − raw ms [95% CI] | Parley − floor ms [95% CI] | ops/s Parley ÷ peer |',
    '|---|---|---:|---:|---|---:|---:|---:|',
  ];
  for (const op of s.operations) {
    const c = op.comparison;
    const p = system(op, 'parley');
    const peer = op.systems.find(
      (x) => x.system === 'neo4j-graphql' && (x.label ?? 'native') === (c.peer ?? ''),
    );
    const runs = c.runRatios.filter((v): v is number => v !== null);
    const stable = runs.length >= 3 && (runs.every((v) => v <= 1) || runs.every((v) => v >= 1));
    lines.push(
      `| ${op.key} | ${c.peer ?? '— (none answered)'}${c.approximate ? ' (**approximate**)' : ''} | ${c.ratio === null ? '—' : `${c.ratio.toFixed(2)}×${ci(c.ratioCi, 2)}`} | ${c.runRatios.map((v) => fmt(v, 2)).join(' / ')} | ${c.ratio === null ? '—' : stable ? `**${c.ratio.toFixed(2)}×**` : 'not quoted (the runs disagree)'} | ${signed(c.overRaw)}${ci(c.overRawCi)} | ${signed(c.overFloor)}${ci(c.overFloorCi)} | ${ratio(p?.opsPerSec, peer?.opsPerSec)} |`,
    );
  }
  lines.push('');
  return lines;
}

function dashboardTable(s: SizeResult): string[] {
  const op = s.operations.find((o) => o.group === 'dashboard');
  if (!op) return [];
  const cold = system(op, 'parley');
  const warm = op.systems.find((x) => x.system === 'parley-cached');
  const first = s.cold?.find((c) => c.key === op.key);
  return [
    '### Dashboard set',
    '',
    `${op.title}: ${op.requests} request${op.requests === 1 ? '' : 's'}.`,
    '',
    '| | p50 ms [95% CI] | p95 ms | Cypher round trips |',
    '|---|---:|---:|---:|',
    `| cache off (every answer computed) | ${fmt(cold?.p50)}${ci(cold?.p50Ci)} | ${fmt(cold?.p95)} | ${cold?.roundTrips ?? '—'} |`,
    `| cache warm (the same request again) | ${warm ? `${fmt(warm.p50)}${ci(warm.p50Ci)}` : '— (no response cache)'} | ${fmt(warm?.p95)} | ${warm?.roundTrips ?? '—'} |`,
    `| cold first query (fresh server, query caches cleared; each sample) | ${first?.parley.length ? first.parley.map((v) => v.toFixed(0)).join(', ') : '—'} | | |`,
    '',
  ];
}

function coldTable(s: SizeResult): string[] {
  if (!s.cold?.length) return [];
  const lines = [
    '### Cold first query',
    '',
    'A fresh server (Parley: createApp + listen; the peer: a new driver, Neo4jGraphQL and getSchema, started before the clock), Neo4j’s query caches cleared (`db.clearQueryCaches()`), then the first request, timed. Each sample, and their median.',
    '',
    '| operation | Parley ms | @neo4j/graphql ms (form) | Parley ÷ peer (medians) |',
    '|---|---:|---:|---:|',
  ];
  for (const c of s.cold) {
    lines.push(
      `| ${c.key} | ${c.parley.map((v) => v.toFixed(0)).join(', ')} (median ${fmt(median(c.parley), 0)}) | ${c.ngql.map((v) => v.toFixed(0)).join(', ')} (median ${fmt(median(c.ngql), 0)}; ${c.ngqlLabel ?? 'native'}) | ${ratio(median(c.parley), median(c.ngql))} |`,
    );
  }
  const errors = s.cold.flatMap((c) => c.errors.map((e) => `- ${c.key}: ${e}`));
  lines.push('', ...(errors.length ? ['Failures:', '', ...errors, ''] : []));
  return lines;
}

function writesTable(s: SizeResult): string[] {
  const w = s.writes;
  if (!w) return [];
  return [
    '### Writes under concurrent reads (Parley)',
    '',
    `Write: ${w.write}. Reads: ${w.read}, ${w.connections} in flight. The peer is not measured: it has no ingest path that does Parley’s work.`,
    '',
    '| | alone | under the other |',
    '|---|---:|---:|',
    `| write p50 / p95 ms (n) | ${fmt(w.writeAlone.p50)} / ${fmt(w.writeAlone.p95)} (${w.writeAlone.n}) | ${fmt(w.writeUnderReads.p50)} / ${fmt(w.writeUnderReads.p95)} (${w.writeUnderReads.n}) |`,
    `| read p50 / p99 ms | ${fmt(w.readsAlone.p50)} / ${fmt(w.readsAlone.p99)} | ${fmt(w.readsUnderWrites.p50)} / ${fmt(w.readsUnderWrites.p99)} |`,
    `| reads/s | ${fmt(w.readsAlone.opsPerSec)} | ${fmt(w.readsUnderWrites.opsPerSec)}${w.readsUnderWrites.errors ? ` (${w.readsUnderWrites.errors} failed)` : ''} |`,
    '',
    ...(w.errors.length ? ['Failures:', '', ...w.errors.map((e) => `- ${e}`), ''] : []),
  ];
}

function statementTable(s: SizeResult): string[] {
  const lines = [
    'What Parley sends (replayed as the raw floor); statements joined by ∥ ran concurrently. Median time of each wave in the replay:',
    '',
    '| operation | waves: statement (p50 ms) |',
    '|---|---|',
  ];
  for (const op of s.operations) {
    const parts = op.statements.map((st, i) => `${st} (${fmt(op.waveP50[i])})`);
    const shown =
      parts.length > 6
        ? `${parts.slice(0, 4).join(' → ')} → … (${parts.length} waves in all)`
        : parts.join(' → ');
    lines.push(`| ${op.key} | ${shown} |`);
  }
  lines.push('');
  return lines;
}

function growthTable(sizes: SizeResult[]): string[] {
  if (sizes.length < 2) return [];
  const head = sizes.map((s) => `p50 ${s.size}`).join(' | ');
  const lines = [
    '## Growth',
    '',
    `p50 in ms per size, and the factor from the smallest to the largest size measured (events grow ${fmt(sizes.at(-1)!.generator.events / sizes[0]!.generator.events, 0)}×).`,
    '',
    `| operation | system | ${head} | growth |`,
    `|---|---|${sizes.map(() => '---:').join('|')}|---:|`,
  ];
  const first = sizes[0]!;
  for (const op of first.operations) {
    for (const sys of ['parley', 'parley-cached', 'raw', 'floor', 'neo4j-graphql'] as const) {
      const values = sizes.map((s) => {
        const o = s.operations.find((x) => x.key === op.key);
        const found = o?.systems.filter((r) => r.system === sys) ?? [];
        // The peer: the form the comparison used at that size.
        const r =
          sys === 'neo4j-graphql'
            ? found.find((x) => (x.label ?? 'native') === (o?.comparison.peer ?? ''))
            : found[0];
        return r?.p50 ?? null;
      });
      if (values.every((v) => v === null)) continue;
      const a = values[0];
      const b = values.at(-1);
      lines.push(
        `| ${sys === 'parley' ? op.key : ''} | ${sys === 'parley-cached' ? 'parley, cache warm' : sys} | ${values.map((v) => fmt(v)).join(' | ')} | ${ratio(b, a)} |`,
      );
    }
  }
  lines.push('');
  return lines;
}

export function markdown(r: Report): string {
  const m = r.machine;
  const out: string[] = [
    `# Parley benchmark — ${r.mode} run, ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `\`${r.command}\` — ${fmt(r.durationSec / 60)} minutes. Rerun with \`npm run bench:quick\` or \`npm run bench\` (README, “Benchmarks”).`,
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${m.cores} cores, ${m.cpuModel} |`,
    `| memory | ${fmt(m.memoryGiB)} GiB |`,
    `| OS | ${m.platform} |`,
    `| Node.js | ${m.node} |`,
    `| Java | ${m.java} |`,
    `| Neo4j | ${m.neo4j} |`,
    `| packages | ${Object.entries(m.packages)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} |`,
    `| load average (1, 5, 15 min) | start ${m.loadAverageStart.map((v) => fmt(v, 2)).join(', ')}; end ${m.loadAverageEnd?.map((v) => fmt(v, 2)).join(', ') ?? '—'} |`,
    `| other busy processes at start (ps %CPU, averaged over their life) | ${m.busyProcessesStart.length ? m.busyProcessesStart.join('; ') : 'none'} |`,
    '',
    `Settings: ${r.settings.repeats} runs, each of ${r.settings.rounds} rounds in which every system takes its turn in a shuffled order (seed ${r.settings.seed}), ${r.settings.samples} timed sequential samples per system and run (at most ${fmt(r.settings.maxLatencyMs / 1000, 0)} s a round), after ${r.settings.warmup} warm-up iterations; then throughput and latency with ${r.settings.connections} operations in flight for ${r.settings.loadSec} s per system, in shuffled rounds too. Intervals: percentile bootstrap (2 000 resamples). Ingest batch: ${r.settings.batch} bundles per transaction.`,
    '',
    'Systems: **parley** — the API over HTTP on 127.0.0.1 (createApp + listen, production settings, query stats on, response cache off); **parley, cache warm** — the same with the response cache on (dashboard only); **neo4j-graphql** — @neo4j/graphql on its own graphql-yoga on 127.0.0.1, with its own neo4j-driver at the driver’s defaults, same database, type definitions in `bench/systems/neo4j-graphql.ts` (its @cypher fields are generated from Parley’s statements, `bench/systems/peer-cypher.ts`); each of its forms of a question is measured, and the fastest that gives Parley’s answer is compared; **floor** — the statements Parley sent, behind a minimal node:http server that writes the records as JSON (no GraphQL); **raw** — the same statements replayed through neo4j-driver as Parley sends them (a read as an auto-commit transaction, a write in an explicit one; no HTTP, no GraphQL). The HTTP client runs in a separate process (fetch with keep-alive); throughput is a closed loop of N operations in flight, the same loop for the raw floor: an operation in flight at the end of the window is finished and counted. An operation of several requests (paging) counts once in ops/s.',
    '',
  ];
  for (const s of r.sizes) {
    out.push(
      `## ${s.size}: ${int(s.generator.events)} events, ${int(s.generator.actors)} actors, ${int(s.generator.bundles)} bundles`,
      '',
      `Generator seed ${s.generator.seed}; Neo4j heap ${s.neo4j.heapMiB} MiB, page cache ${s.neo4j.pageCacheMiB} MiB. Targets: hub \`${s.targets.hub.id}\` (${s.targets.hub.name}, ${int(s.targets.hub.events)} events), mid actor \`${s.targets.mid.id}\` (${s.targets.mid.events} events), path end \`${s.targets.other.id}\` (${s.targets.other.events} events), search "${s.targets.searchText}", topActors over ${s.targets.year.from.slice(0, 4)}, histogram over ${s.targets.months} months.`,
      '',
      '### Bulk load',
      '',
      ...loadTable(s),
      '### Operations',
      '',
      ...operationTable(s),
      ...ratioTable(s),
      ...dashboardTable(s),
      ...coldTable(s),
      ...writesTable(s),
      ...statementTable(s),
    );
  }
  out.push(...growthTable(r.sizes));
  const notes = new Map<string, string>();
  for (const s of r.sizes)
    for (const op of s.operations) {
      const forms = op.systems.filter((x) => x.system === 'neo4j-graphql' && x.note);
      if (forms.length)
        notes.set(
          op.key,
          forms.map((n) => `${n.label ? `${n.label}: ` : ''}${HOW[n.expressible]} — ${n.note}`).join('; '),
        );
    }
  out.push('## What @neo4j/graphql can express', '', '| operation | how |', '|---|---|');
  for (const [k, v] of notes) out.push(`| ${k} | ${v} |`);
  out.push('');
  return `${out.join('\n')}\n`;
}

export function writeReport(
  dir: string,
  r: Report,
  latest = true,
): { json: string; md: string; latest: string | null } {
  mkdirSync(dir, { recursive: true });
  const stamp = r.startedAt.replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
  const base = path.join(dir, `${stamp}-${r.mode}`);
  const md = markdown(r);
  const files = {
    json: `${base}.json`,
    md: `${base}.md`,
    latest: latest ? path.join(dir, 'latest.md') : null,
  };
  writeFileSync(files.json, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(files.md, md);
  if (files.latest) writeFileSync(files.latest, md);
  // The repository's Biome checks bench/** (JSON and markdown): write the results in its style.
  try {
    const biome = fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url));
    const written = [files.json, files.md, ...(files.latest ? [files.latest] : [])];
    execFileSync(biome, ['format', '--write', ...written], { stdio: 'ignore' });
  } catch {
    // Formatting is cosmetic; the files are valid either way.
  }
  return files;
}
