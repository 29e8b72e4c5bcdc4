/** The run's results as JSON (everything) and markdown (the tables people read). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFile, GraphCounts, LoadResult } from './load.ts';
import type { OperationResult, Settings, SystemResult } from './measure.ts';
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
  'native-approx': 'native, approximate',
  'cypher-escape-hatch': '@cypher (hand-written)',
  no: 'cannot',
  replay: 'Parley’s Cypher',
};

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
        ? `Both databases hold the same graph: node counts per label and relationship counts per type are equal (${int(Object.values(l.countsParley.labels).reduce((a, b) => a + b, 0))} label entries, ${int(Object.values(l.countsParley.relationships).reduce((a, b) => a + b, 0))} relationships).`
        : '**The two databases differ** in node or relationship counts; see the JSON.',
    );
    lines.push('');
  }
  return lines;
}

function operationTable(s: SizeResult): string[] {
  const lines = [
    '| operation | system | expressed as | p50 ms | p95 ms | ops/s (8 in flight) | Cypher round trips | n |',
    '|---|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const op of s.operations) {
    for (const r of op.systems) {
      lines.push(
        `| ${r.system === 'parley' ? `**${op.key}**` : ''} | ${r.system} | ${HOW[r.expressible]} | ${r.errors.length ? '**failed** (below)' : fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.opsPerSec)}${r.loadErrors ? ` (${r.loadErrors} failed)` : ''} | ${r.roundTrips ?? '—'} | ${r.n} |`,
      );
    }
  }
  lines.push('');
  const failures = s.operations.flatMap((op) =>
    op.systems.flatMap((r) => [
      ...(r.errors.length ? [`- ${op.key}, ${r.system}: ${r.errors[0]}`] : []),
      ...(r.loadErrors
        ? [
            `- ${op.key}, ${r.system}: ${r.loadErrors} operations failed under load${r.loadErrorSample ? ` (${r.loadErrorSample})` : ''}`,
          ]
        : []),
    ]),
  );
  if (failures.length) lines.push('Failures:', '', ...failures, '');
  return lines;
}

function ratioTable(s: SizeResult): string[] {
  const lines = [
    'Ratios measured in this run (p50: Parley ÷ peer, above 1 means Parley is slower; throughput: Parley ÷ peer, below 1 means Parley serves fewer operations per second).',
    '',
    '| operation | p50 Parley ÷ raw | p50 Parley ÷ @neo4j/graphql | ops/s Parley ÷ raw | ops/s Parley ÷ @neo4j/graphql | same answer |',
    '|---|---:|---:|---:|---:|---|',
  ];
  for (const op of s.operations) {
    const p = system(op, 'parley');
    const r = system(op, 'raw');
    const n = system(op, 'neo4j-graphql');
    const failed = op.systems.some((x) => x.errors.length);
    const agree = failed
      ? '— (a system failed)'
      : op.answersAgree === null
        ? 'n/a (different question)'
        : op.answersAgree
          ? 'yes'
          : '**no**';
    lines.push(
      `| ${op.key} | ${ratio(p?.p50, r?.p50)} | ${ratio(p?.p50, n?.p50)} | ${ratio(p?.opsPerSec, r?.opsPerSec)} | ${ratio(p?.opsPerSec, n?.opsPerSec)} | ${agree} |`,
    );
  }
  lines.push('');
  return lines;
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
    for (const sys of ['parley', 'raw', 'neo4j-graphql'] as const) {
      const values = sizes.map(
        (s) => s.operations.find((o) => o.key === op.key)?.systems.find((r) => r.system === sys)?.p50 ?? null,
      );
      const a = values[0];
      const b = values.at(-1);
      lines.push(
        `| ${sys === 'parley' ? op.key : ''} | ${sys} | ${values.map((v) => fmt(v)).join(' | ')} | ${ratio(b, a)} |`,
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
    `Settings: ${r.settings.warmup} warm-up iterations, up to ${r.settings.iterations} timed sequential iterations per system (at most ${fmt(r.settings.maxLatencyMs / 1000, 0)} s), throughput with ${r.settings.connections} operations in flight for ${r.settings.loadSec} s per system; both split into ${r.settings.rounds} rounds in which the three systems take turns, so that load from elsewhere on the machine falls on all three alike. Ingest batch: ${r.settings.batch} bundles per transaction.`,
    '',
    'Systems: **parley** — the API over HTTP on 127.0.0.1 (createApp + listen, production settings, query stats on); **neo4j-graphql** — @neo4j/graphql on its own graphql-yoga on 127.0.0.1, same driver and database, type definitions in `bench/systems/neo4j-graphql.ts`; **raw** — the statements Parley sent for the operation, replayed through neo4j-driver `executeQuery` (no HTTP, no GraphQL). The HTTP client runs in a separate process (fetch with keep-alive); throughput is a closed loop of N operations in flight, the same loop for the raw floor: an operation in flight at the end of the window is finished and counted. An operation of several requests (paging) counts once in ops/s.',
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
      ...statementTable(s),
    );
  }
  out.push(...growthTable(r.sizes));
  const notes = new Map<string, string>();
  for (const s of r.sizes)
    for (const op of s.operations) {
      const n = op.systems.find((x) => x.system === 'neo4j-graphql');
      if (n?.note) notes.set(op.key, `${HOW[n.expressible]} — ${n.note}`);
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
