/**
 * `npm run bench:profile`: where this service's CPU goes under the benchmark's mix. Starts the
 * embedded engine on a throw-away store with the seed, runs the service from dist/ exactly as
 * bench:peer does (serve-dist.mjs, plain node) under `node --cpu-prof`, sends each question of
 * ./mix.ts at c=10 for PROFILE_SECONDS (default 5) with the response cache off, stops the
 * server, and prints the top frames by self time and the share by where the code lives.
 *
 * PROFILES=label:dist[:executor],… profiles several builds one after the other on the same engine
 * and data, e.g. `PROFILES=before:/tmp/old/dist,after:dist,after-jit:dist:jit` (an earlier commit's
 * dist/ is built by its own tools/build-server.mjs). Default `now:dist`. Each summary goes to
 * bench/out/profile-<label>.md and to stdout. BENCH_ONLY=goals,tasks profiles some questions only;
 * BENCH_ENGINE=uri,user,password,pid reads a running engine holding the seed (bench/peer/cpu.ts).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { engineWithSeed } from './cpu.ts';
import { MIX } from './mix.ts';

const SECONDS = Number(process.env['PROFILE_SECONDS'] ?? 5);
const ONLY = process.env['BENCH_ONLY']?.split(',') ?? null;
/** The questions profiled: all of the mix, or BENCH_ONLY=goals,tasks (a profile of one question reads clearer). */
const ASKED = MIX.filter((q) => ONLY === null || ONLY.includes(q.name));
const PROFILES = (process.env['PROFILES'] ?? 'now:dist').split(',').map((spec) => {
  const [label, dist, executor] = spec.split(':');
  return { label: label!, dist: resolve(dist ?? 'dist'), executor: executor ?? null };
});
/** Frames listed (PROFILE_TOP, default 20). */
const TOP = Number(process.env['PROFILE_TOP'] ?? 20);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, this service's build, Node itself, or the VM. */
function place(url: string, name: string): string {
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(idle)') return 'idle';
  if (name === '(program)') return 'V8 / native (program)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (/\/dist\//.test(url)) return 'this service (dist/)';
  if (url.startsWith('node:') || url === '') return 'Node internals';
  return url;
}

export function summarise(profile: Profile, requests: number): string {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const idle = [...self.entries()]
    .filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)')
    .reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const frames = new Map<string, number>();
  const places = new Map<string, number>();
  for (const [id, time] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    const file = url.replace(/^.*\/(node_modules|dist)\//, '$1/');
    const key = `${functionName || '(anonymous)'} — ${file || '(native)'}${url ? `:${lineNumber + 1}` : ''}`;
    frames.set(key, (frames.get(key) ?? 0) + time);
    const where = place(url, functionName);
    places.set(where, (places.get(where) ?? 0) + time);
  }
  const pct = (t: number) => `${((100 * t) / busy).toFixed(1)} %`;
  const top = [...frames.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  const where = [...places.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12);
  return [
    `Busy ${(busy / 1e6).toFixed(1)} s of ${(total / 1e6).toFixed(1)} s sampled: ` +
      `${(busy / 1e3 / Math.max(1, requests)).toFixed(2)} ms busy per request.`,
    '',
    '| frame (self time) | share of busy time |',
    '| --- | --- |',
    ...top.map(([k, t]) => `| \`${k.replace(/\|/g, '\\|')}\` | ${pct(t)} |`),
    '',
    '| where the code lives | share of busy time |',
    '| --- | --- |',
    ...where.map(([k, t]) => `| ${k} | ${pct(t)} |`),
  ].join('\n');
}

interface Engine {
  uri: string;
  user: string;
  password: string;
}

/** One build under the mix, profiled: the summary in markdown. */
async function profileOne(engine: Engine, spec: (typeof PROFILES)[number]): Promise<string> {
  const profileDir = mkdtempSync(join(tmpdir(), 'plan-graph-cpuprof-'));
  try {
    const child = spawn(
      process.execPath,
      ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, 'bench/peer/serve-dist.mjs'],
      {
        env: {
          ...process.env,
          NEO4J_URI: engine.uri,
          NEO4J_USER: engine.user,
          NEO4J_PASSWORD: engine.password,
          BENCH_DIST: spec.dist,
          ...(spec.executor === null ? {} : { BENCH_EXECUTOR: spec.executor }),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const url = await new Promise<string>((done, fail) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const match = /^listening (\S+)/.exec(line);
        if (match) done(match[1]!);
      });
      child.once('exit', (code) => fail(new Error(`server exited (${code}) before listening`)));
    });
    const loadAtStart = loadavg()[0]!.toFixed(1);
    let requests = 0;
    let refused = 0;
    for (const q of ASKED) {
      const result = await autocannon({
        url: `${url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(q.this),
        connections: 10,
        duration: SECONDS,
      });
      // A refusal (SERVICE_BUSY on a crowded machine) is counted, not fatal: the profile is of the work.
      refused += result.non2xx + result.errors;
      requests += result.requests.total;
    }
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (file === undefined) throw new Error(`no .cpuprofile written in ${profileDir}`);
    const summary = summarise(JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as Profile, requests);
    return [
      `Profile "${spec.label}" (${spec.dist}${spec.executor === null ? '' : `, executor ${spec.executor}`}): ` +
        `${ASKED.map((q) => q.name).join(', ')} × ${SECONDS} s at c=10, ${requests} requests (${refused} not 2xx), response cache off; ` +
        `load average (1 min) ${loadAtStart} at start, ${loadavg()[0]!.toFixed(1)} at end.`,
      '',
      summary,
      '',
    ].join('\n');
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { engine, close } = await engineWithSeed();
  try {
    mkdirSync('bench/out', { recursive: true });
    for (const spec of PROFILES) {
      const report = await profileOne(engine, spec);
      writeFileSync(`bench/out/profile-${spec.label}.md`, report);
      console.log(report);
    }
  } finally {
    await close();
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) await main();
