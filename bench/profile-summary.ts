/**
 * `node --import tsx bench/profile-summary.ts FILE.cpuprofile [--top N]`: where a V8 CPU profile
 * spent its time, by self time per function and per package (node_modules/<name>, Parley's src/,
 * Node's internals), inclusive time per package, and the share inside GraphQL execution (what
 * graphql-jit could replace).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values: flags, positionals } = parseArgs({
  options: { top: { type: 'string', default: '25' } },
  allowPositionals: true,
});
const profile = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** Self time per node from the sample deltas (µs). */
const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i]!;
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

export function packageOf(url: string): string {
  if (!url) return '(native/idle)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.includes('/src/'))
    return `parley ${url
      .slice(url.indexOf('/src/') + 1)
      .split('/')
      .slice(0, 3)
      .join('/')}`;
  if (url.includes('/bench/')) return 'bench';
  if (url.startsWith('node:')) return url;
  return url.split('/').slice(-2).join('/');
}

const pct = (us: number) => `${((100 * us) / total).toFixed(1)}%`;
const pkg = new Map<string, number>();
const fn = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  const name = n.callFrame.functionName || '(anonymous)';
  const p = n.callFrame.url ? packageOf(n.callFrame.url) : name.startsWith('(') ? name : '(native)';
  pkg.set(p, (pkg.get(p) ?? 0) + us);
  const key = `${name}  ${p}:${n.callFrame.lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
}

/** Time under any frame whose function matches (graphql-js execution), counted once per sample. */
function under(match: (n: ProfileNode) => boolean): number {
  let us = 0;
  for (const [id, t] of self) {
    let cur: number | undefined = id;
    while (cur !== undefined) {
      const n = byId.get(cur)!;
      if (match(n)) {
        us += t;
        break;
      }
      cur = parent.get(cur);
    }
  }
  return us;
}
const idle = (pkg.get('(idle)') ?? 0) + (pkg.get('(program)') ?? 0) + (pkg.get('(garbage collector)') ?? 0);
const busy = total - (pkg.get('(idle)') ?? 0);
/** Per package: the samples with one of its frames anywhere on the stack (inclusive time). */
const inclusive = new Map<string, number>();
for (const [id, t] of self) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const url = byId.get(cur)!.callFrame.url;
    if (url) seen.add(packageOf(url));
  }
  for (const p of seen) inclusive.set(p, (inclusive.get(p) ?? 0) + t);
}
// Yoga executes with @graphql-tools/executor (graphql-js's algorithm): what graphql-jit replaces.
const graphqlExecute = under((n) => n.callFrame.url.includes('node_modules/@graphql-tools/executor/'));
const top = Number(flags.top);
const out = [
  `profile: ${(total / 1e6).toFixed(2)} s sampled, ${(busy / 1e6).toFixed(2)} s not idle (idle, program and GC: ${pct(idle)})`,
  '',
  'self time by package:',
  ...[...pkg]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `  ${pct(v).padStart(6)}  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`),
  '',
  'self time by function:',
  ...[...fn]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `  ${pct(v).padStart(6)}  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`),
  '',
  'inclusive time by package (share of busy samples with one of its frames on the stack):',
  ...[...inclusive]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([k, v]) =>
        `  ${((100 * v) / busy).toFixed(1).padStart(5)}%  ${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`,
    ),
  '',
  `inside the executor (@graphql-tools/executor: field resolution and completion, resolvers' synchronous work included): ${pct(graphqlExecute)} of all samples, ${((100 * graphqlExecute) / busy).toFixed(1)}% of the busy ones`,
];
process.stdout.write(`${out.join('\n')}\n`);
