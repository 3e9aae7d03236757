/**
 * `npm run bench:cpu`: CPU per request of builds of this service, side by side, for each question
 * of ./mix.ts, measured so that a crowded machine changes the figures as little as it can.
 *
 * Throughput on two shared cores measures the scheduler; CPU time per request much less so. Each
 * build runs from its dist/ (serve-dist.mjs, as `npm start` runs it, response cache off) against
 * one engine holding the seed. For every question the builds take turns, round after round: each
 * turn sends a fixed number of requests (BENCH_REQUESTS, default 300) at c=4 and reads the CPU the
 * server's node process and the engine's java process spent (/proc/<pid>/stat) in that turn. The
 * table gives the median over rounds (BENCH_ROUNDS, default 3) of CPU ms per request.
 *
 * BUILDS=label:dist,… (default `now:dist`), e.g. `BUILDS=before:/tmp/before/dist,after:dist`:
 * an earlier commit's dist/ is built by its own tools/build-server.mjs (docs/performance.md).
 * BENCH_ONLY=goals,path: some questions only. Rebuild dist/ first (`npm run build:server`).
 * BENCH_ENGINE=uri,user,password,pid: read a running engine that holds the seed (and only the seed).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/open.ts';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import { loadPlan } from '../../src/ingest/load/load.ts';
import { MIX } from './mix.ts';

const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 300);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const ONLY = process.env['BENCH_ONLY']?.split(',') ?? null;
const BUILDS = (process.env['BUILDS'] ?? 'now:dist').split(',').map((spec) => {
  const [label, dist] = spec.split(':');
  return { label: label!, dist: resolve(dist ?? 'dist') };
});
const TICK_MS = 1000 / 100; // /proc CPU times are in clock ticks of 10 ms (USER_HZ = 100)

/** User + system CPU of a process so far, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

interface Server {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

async function serve(dist: string, engine: { uri: string; user: string; password: string }): Promise<Server> {
  const child = spawn(process.execPath, ['bench/peer/serve-dist.mjs'], {
    env: {
      ...process.env,
      NEO4J_URI: engine.uri,
      NEO4J_USER: engine.user,
      NEO4J_PASSWORD: engine.password,
      BENCH_DIST: dist,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^listening (\S+)/.exec(line);
      if (match) done(match[1]!);
    });
    child.once('exit', (code) => fail(new Error(`server exited (${code}) before listening`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Answers not 2xx (refused, timed out) over the run: reported beside the table, not counted as served. */
let failures = 0;

async function send(url: string, body: string, amount: number): Promise<number> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 4,
    amount,
    timeout: 30,
  });
  const failed = result.non2xx + result.errors; // errors include timeouts
  failures += failed;
  return Math.max(1, result.requests.total - failed);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Engine {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly pid: number;
}

/**
 * The engine the builds read: a running one holding the seed when BENCH_ENGINE=uri,user,password,pid
 * names it (several runs in a row skip the engine's start and the seed's load), else a fresh one.
 */
export async function engineWithSeed(): Promise<{ engine: Engine; close: () => Promise<void> }> {
  const given = process.env['BENCH_ENGINE']?.split(',');
  if (given !== undefined) {
    const [uri, user, password, pid] = given;
    return {
      engine: { uri: uri!, user: user!, password: password!, pid: Number(pid) },
      close: async () => undefined,
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-cpu-'));
  const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: dataDir, NEO4J_PORT: '0' });
  const { db, connection, close } = await openDatabase(config);
  const { text, source } = readPlanFile('seeds/cast-2018-reform-key-tasks.txt');
  await loadPlan(db, parsePlan(text, source), { force: true });
  return {
    engine: connection.engine!,
    close: async () => {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const servers: Server[] = [];
  const { engine, close } = await engineWithSeed();
  try {
    const javaPid = engine.pid;
    for (const build of BUILDS) servers.push(await serve(build.dist, engine));
    const load = [loadavg()[0]!.toFixed(1)];
    const rows: string[] = [];
    for (const q of MIX.filter((m) => ONLY === null || ONLY.includes(m.name))) {
      const body = JSON.stringify(q.this);
      const node = BUILDS.map(() => [] as number[]);
      const java = BUILDS.map(() => [] as number[]);
      for (const s of servers) await send(s.url, body, 100); // warm-up: compiled, planned, JIT-ed
      for (let round = 0; round < ROUNDS; round += 1) {
        for (let k = 0; k < servers.length; k += 1) {
          const i = (k + round) % servers.length; // the order rotates each round
          const s = servers[i]!;
          const [n0, j0] = [cpuMs(s.pid), cpuMs(javaPid)];
          const done = await send(s.url, body, REQUESTS);
          node[i]!.push((cpuMs(s.pid) - n0) / done);
          java[i]!.push((cpuMs(javaPid) - j0) / done);
        }
      }
      // The lowest round beside the median: on a crowded machine other work only ever adds to a round.
      const both = (xs: number[]) => `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)})`;
      rows.push(
        `| ${q.name} | ${BUILDS.map((_, i) => both(node[i]!)).join(' / ')} | ` +
          `${BUILDS.map((_, i) => both(java[i]!)).join(' / ')} |`,
      );
      load.push(loadavg()[0]!.toFixed(1));
    }
    const names = BUILDS.map((b) => b.label).join(' / ');
    console.log(
      [
        `CPU ms per request, median (lowest) of ${ROUNDS} rounds of ${REQUESTS} requests at c=4 (builds interleaved); ` +
          `load average (1 min) at start and after each question: ${load.join(', ')}; answers not 2xx: ${failures}.`,
        '',
        `| question | node: ${names} | java: ${names} |`,
        '| --- | --- | --- |',
        ...rows,
      ].join('\n'),
    );
  } finally {
    for (const s of servers) await s.stop();
    await close();
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) await main();
