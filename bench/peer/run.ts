/**
 * `npm run bench:peer`: this service against @neo4j/graphql on the same engine and the same data.
 *
 *  1. Starts the embedded engine on a throw-away store and loads the seed.
 *  2. Checks: this service and the peer, both behind a Bolt-counting relay, answer every question
 *     of the mix (./mix.ts) with the same facts; counts Cypher statements per operation.
 *  3. Times: this service without its response cache, with it, the peer, and a bare node:http
 *     floor, each its own process on loopback; interleaved rounds of autocannon at c=1 and c=10
 *     (the order of servers rotates every round); req/s, p50/p99 and CPU ms per request of the
 *     server's node process and of the engine's java process (from /proc). Medians over rounds.
 *  4. Writes the table to bench/out/peer.md and into bench/RESULTS.md between its markers.
 *
 * Beside the required floor, each round also times the floor answering as many bytes as this
 * service's answer to each question (c=10 only): how far a cached answer is from the floor when
 * both send the same bytes, reported under the floor target, never instead of it.
 *
 * Bounded: BENCH_SECONDS per run (default 2), BENCH_ROUNDS (default 3: an odd count, so that one
 * disturbed round is never half of a median), BENCH_WARMUP seconds per server and question
 * (default 1): about seven minutes on two cores.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/open.ts';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import { loadPlan } from '../../src/ingest/load/load.ts';
import { startBoltCounter } from './bolt-counter.ts';
import { MIX, type Ask, type Question } from './mix.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 2);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 1);
const ONLY = process.env['BENCH_ONLY']?.split(',') ?? null;
const SEED = 'seeds/cast-2018-reform-key-tasks.txt';
const CONCURRENCY = [1, 10] as const;
const TICK_MS = 1000 / 100; // /proc CPU times are in clock ticks of 10 ms (USER_HZ = 100)

type Kind = 'this' | 'peer' | 'floor';
type Target = 'this' | 'cached' | 'peer' | 'alt';
/** BENCH_ALT_EXECUTOR=jit|graphql-js: one more target, this service uncached on that executor. */
const ALT_EXECUTOR = process.env['BENCH_ALT_EXECUTOR'] ?? null;

interface Child {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * This service runs as `npm start` runs it: plain node on dist/ (serve-dist.mjs, no TypeScript
 * loader); the peer and the floor through serve.ts.
 */
function spawnServer(kind: Kind, env: NodeJS.ProcessEnv): Promise<Child> {
  const args =
    kind === 'this' ? ['bench/peer/serve-dist.mjs'] : ['--import', 'tsx', 'bench/peer/serve.ts', kind];
  const child: ChildProcess = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = /^listening (\S+)/.exec(line);
      if (match === null) return;
      resolve({
        url: match[1]!,
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code}) before listening`)));
  });
}

/** utime + stime of a process, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function post(url: string, ask: Ask): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ask),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors).slice(0, 400)}`);
  return body.data;
}

/** Answers that were not 2xx, by server URL, over the whole run. */
const refusals = new Map<string, number>();

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  nodeMs: number;
  javaMs: number;
}

async function measure(
  url: string,
  ask: Ask,
  connections: number,
  seconds: number,
  pids: [number, number],
  headers: Record<string, string> = {},
) {
  const [node0, java0] = pids.map(cpuMs) as [number, number];
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(ask),
    connections,
    duration: seconds,
  });
  const [node1, java1] = pids.map(cpuMs) as [number, number];
  const done = result.requests.total || 1;
  // Refusals (SERVICE_BUSY when the machine is crowded) are counted and reported, not fatal.
  refusals.set(url, (refusals.get(url) ?? 0) + result.non2xx + result.errors);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    nodeMs: (node1 - node0) / done,
    javaMs: (java1 - java0) / done,
  } satisfies Sample;
}

// The usual median: of an even count, the mean of the two middle values (of 8 questions, neither
// the 4th nor the 5th alone), so that neither side of the middle is picked for the target.
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

async function main() {
  const started = Date.now();
  const loadAtStart = load();
  // The build the service runs: src/ as it is now, compiled (tools/build-server.mjs, about a second).
  const build = spawnSync(process.execPath, ['tools/build-server.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build:server failed (exit ${build.status})`);
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-peer-'));
  const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: dataDir, NEO4J_PORT: '0' });
  const { db, connection, close } = await openDatabase(config);
  const engine = connection.engine!;
  const servers: Child[] = [];
  try {
    const { text, source } = readPlanFile(SEED);
    await loadPlan(db, parsePlan(text, source), { force: true });
    console.error(`engine ${engine.uri} (pid ${engine.pid}), seed loaded`);
    const env = (uri: string, extra: NodeJS.ProcessEnv = {}) => ({
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USER: engine.user,
      NEO4J_PASSWORD: engine.password,
      ...extra,
    });
    const questions = MIX.filter((q) => ONLY === null || ONLY.includes(q.name));

    // 2. Same facts, and statements per operation, through the counting relay.
    const [host, port] = engine.uri.replace('bolt://', '').split(':') as [string, string];
    const relay = await startBoltCounter({ host, port: Number(port) });
    const statements = new Map<string, { this: number; peer: number }>();
    /** Bytes of this service's answer to each question: the sized floor answers as many. */
    const answerBytes = new Map<string, number>();
    try {
      const [mine, peer] = await Promise.all([
        spawnServer('this', env(relay.uri)),
        spawnServer('peer', env(relay.uri)),
      ]);
      try {
        for (const q of questions) {
          const data = await post(mine.url, q.this);
          answerBytes.set(q.name, Buffer.byteLength(JSON.stringify({ data })));
          const ours = q.facts(data);
          const theirs = q.peerFacts(await post(peer.url, q.peer));
          if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
            const onlyOurs = ours.filter((f) => !theirs.includes(f)).slice(0, 5);
            const onlyTheirs = theirs.filter((f) => !ours.includes(f)).slice(0, 5);
            throw new Error(
              `${q.name}: expected the same facts from both servers, found ${ours.length} here and ` +
                `${theirs.length} from the peer; only here: ${JSON.stringify(onlyOurs)}; only the peer: ${JSON.stringify(onlyTheirs)}`,
            );
          }
          const count = async (url: string, ask: Ask) => {
            relay.reset();
            for (let i = 0; i < 5; i += 1) await post(url, ask);
            return relay.counts.statements / 5;
          };
          statements.set(q.name, {
            this: await count(mine.url, q.this),
            peer: await count(peer.url, q.peer),
          });
          console.error(
            `${q.name}: same ${ours.length} facts; statements ${JSON.stringify(statements.get(q.name))}`,
          );
        }
      } finally {
        await Promise.all([mine.stop(), peer.stop()]);
      }
    } finally {
      await relay.close();
    }

    // 3. Timing, direct to the engine.
    const targets: Partial<Record<Target, Child>> & Record<'this' | 'cached' | 'peer', Child> = {
      this: await spawnServer('this', env(engine.uri)),
      cached: await spawnServer('this', env(engine.uri, { BENCH_CACHE: 'on' })),
      peer: await spawnServer('peer', env(engine.uri)),
      ...(ALT_EXECUTOR === null
        ? {}
        : { alt: await spawnServer('this', env(engine.uri, { BENCH_EXECUTOR: ALT_EXECUTOR })) }),
    };
    servers.push(...Object.values(targets));
    const floor = await spawnServer('floor', {});
    servers.push(floor);
    const askOf = (t: Target, q: Question) => (t === 'peer' ? q.peer : q.this);
    for (const q of questions) {
      for (const t of Object.keys(targets) as Target[]) {
        await measure(targets[t]!.url, askOf(t, q), 10, WARMUP, [targets[t]!.pid, engine.pid]);
      }
    }
    await measure(floor.url, { query: '{ ok }' }, 10, WARMUP, [floor.pid, engine.pid]);
    const samples = new Map<string, Sample[]>();
    const roundLoads: string[] = [];
    const order = Object.keys(targets) as Target[];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const q of questions) {
        for (const c of CONCURRENCY) {
          for (const [i] of order.entries()) {
            const t = order[(i + round) % order.length]!;
            const s = await measure(targets[t]!.url, askOf(t, q), c, SECONDS, [targets[t]!.pid, engine.pid]);
            const key = `${q.name}|${t}|${c}`;
            samples.set(key, [...(samples.get(key) ?? []), s]);
          }
        }
      }
      for (const c of CONCURRENCY) {
        const s = await measure(floor.url, { query: '{ ok }' }, c, SECONDS, [floor.pid, engine.pid]);
        samples.set(`floor|floor|${c}`, [...(samples.get(`floor|floor|${c}`) ?? []), s]);
      }
      // Beside the required floor (a 22-byte answer): the same floor answering as many bytes as
      // this service's answer to each question, which the load generator must also read.
      for (const q of questions) {
        const bytes = { 'x-floor-bytes': String(answerBytes.get(q.name)) };
        const s = await measure(floor.url, { query: '{ ok }' }, 10, SECONDS, [floor.pid, engine.pid], bytes);
        samples.set(`${q.name}|floor|10`, [...(samples.get(`${q.name}|floor|10`) ?? []), s]);
      }
      roundLoads.push(load());
      console.error(`round ${round + 1}/${ROUNDS} done (load ${load()})`);
    }

    // 4. The table.
    const pick = (name: string, t: Target | 'floor', c: number, field: keyof Sample) =>
      median((samples.get(`${name}|${t}|${c}`) ?? []).map((s) => s[field]));
    const f0 = (n: number) => n.toFixed(0);
    const f1 = (n: number) => n.toFixed(1);
    const f2 = (n: number) => n.toFixed(2);
    const f3 = (n: number) => n.toFixed(3);
    const rows = questions.map((q) => {
      const rps = (t: Target) => pick(q.name, t, 10, 'rps');
      const st = statements.get(q.name)!;
      return [
        q.label + (q.peerWay === 'cypher' ? ' (peer: @cypher)' : ''),
        `${f0(rps('this'))} / ${f0(rps('peer'))}`,
        f2(rps('this') / rps('peer')),
        `${f1(pick(q.name, 'this', 1, 'p50'))} / ${f1(pick(q.name, 'peer', 1, 'p50'))}`,
        `${f0(pick(q.name, 'this', 10, 'p99'))} / ${f0(pick(q.name, 'peer', 10, 'p99'))}`,
        `${f2(pick(q.name, 'this', 10, 'nodeMs'))} / ${f2(pick(q.name, 'peer', 10, 'nodeMs'))}`,
        `${f2(pick(q.name, 'this', 10, 'javaMs'))} / ${f2(pick(q.name, 'peer', 10, 'javaMs'))}`,
        `${f1(st.this)} / ${f1(st.peer)}`,
        `${f0(rps('cached'))} (${f1(rps('cached') / rps('peer'))}×)`,
        f1(pick(q.name, 'cached', 1, 'p50')),
        `${f3(pick(q.name, 'cached', 10, 'nodeMs'))} / ${f2(pick(q.name, 'cached', 10, 'javaMs'))}`,
        ...(ALT_EXECUTOR === null
          ? []
          : [
              `${f0(rps('alt'))} (${f2(rps('alt') / rps('this'))}×), ${f1(pick(q.name, 'alt', 1, 'p50'))} ms, ` +
                `${f2(pick(q.name, 'alt', 10, 'nodeMs'))} ms`,
            ]),
      ];
    });
    const header = [
      'question',
      'req/s c=10: this / peer',
      'ratio',
      'p50 ms c=1: this / peer',
      'p99 ms c=10: this / peer',
      'node CPU ms/req c=10: this / peer',
      'java CPU ms/req c=10: this / peer',
      'statements/op: this / peer',
      'cached req/s c=10 (× peer)',
      'cached p50 ms c=1',
      'cached CPU ms/req c=10: node / java',
      ...(ALT_EXECUTOR === null ? [] : [`${ALT_EXECUTOR}: req/s c=10 (× this), p50 c=1, node CPU ms/req`]),
    ];
    const table = [
      `| ${header.join(' | ')} |`,
      `| ${header.map(() => '---').join(' | ')} |`,
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n');
    const machine =
      `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `Node ${process.version}, ${connection.serverAgent} embedded`;
    // The targets of the operation-cache work (docs/performance.md), each marked met or not.
    const ratios = questions.map((q) => pick(q.name, 'this', 10, 'rps') / pick(q.name, 'peer', 10, 'rps'));
    const cachedRatios = questions.map(
      (q) => pick(q.name, 'cached', 10, 'rps') / pick(q.name, 'peer', 10, 'rps'),
    );
    const floorRps = pick('floor', 'floor', 10, 'rps');
    const floorGaps = questions.map((q) => floorRps / pick(q.name, 'cached', 10, 'rps'));
    // Node CPU per request is steadier than req/s on a crowded machine: the same gap, by CPU.
    const floorCpu = pick('floor', 'floor', 10, 'nodeMs');
    const floorCpuGaps = questions.map((q) => pick(q.name, 'cached', 10, 'nodeMs') / floorCpu);
    const sizedGaps = questions.map(
      (q) => pick(q.name, 'floor', 10, 'rps') / pick(q.name, 'cached', 10, 'rps'),
    );
    const widestSized = sizedGaps.indexOf(Math.max(...sizedGaps));
    const slowerP50 = questions.filter(
      (q) => pick(q.name, 'this', 1, 'p50') > pick(q.name, 'peer', 1, 'p50'),
    );
    const mark = (met: boolean) => (met ? 'met' : 'NOT met');
    const targetLines = [
      `- uncached ≥ 1.5× the peer on the median question: ${f2(median(ratios))}× — ${mark(median(ratios) >= 1.5)}`,
      `- uncached ≥ 1.0× the peer on every question: lowest ${f2(Math.min(...ratios))}× — ${mark(Math.min(...ratios) >= 1)}`,
      `- p50 at c=1 no higher than the peer's on any question: ${slowerP50.length === 0 ? 'none higher' : `higher on ${slowerP50.map((q) => q.name).join(', ')}`} — ${mark(slowerP50.length === 0)}`,
      `- cached ≥ 10× the peer on every question: lowest ${f1(Math.min(...cachedRatios))}× — ${mark(Math.min(...cachedRatios) >= 10)}`,
      `- cached within 3× of the floor on every question: widest gap ${f1(Math.max(...floorGaps))}× — ${mark(Math.max(...floorGaps) <= 3)}`,
      `  - the same by node CPU per request (steadier on a busy machine; the req/s line above decides): ` +
        `widest ${f1(Math.max(...floorCpuGaps))}× the floor's ${f3(floorCpu)} ms — ${mark(Math.max(...floorCpuGaps) <= 3)}`,
      `  - beside it (not the target): the floor answering as many bytes as each cached answer, ` +
        `widest gap ${f1(sizedGaps[widestSized]!)}× (${questions[widestSized]!.name}: ${answerBytes.get(questions[widestSized]!.name)} bytes, ` +
        `${f0(pick(questions[widestSized]!.name, 'floor', 10, 'rps'))} req/s against ${f0(pick(questions[widestSized]!.name, 'cached', 10, 'rps'))}) — ` +
        `${mark(Math.max(...sizedGaps) <= 3)}`,
    ];
    const report = [
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:peer\`: ` +
        `${ROUNDS} interleaved rounds of ${SECONDS} s per run after ${WARMUP} s of warm-up per server and question, medians.`,
      `Machine: ${machine}. Load average (1/5/15 min) at start ${loadAtStart}, after each round ${roundLoads.join('; ')}, at end ${load()}.`,
      `Answers not 2xx (refused or failed) over the run: ${Object.entries(targets)
        .map(([t, child]) => `${t} ${refusals.get(child.url) ?? 0}`)
        .join(', ')}, floor ${refusals.get(floor.url) ?? 0}` +
        (Object.values(targets).some((child) => (refusals.get(child.url) ?? 0) > 0)
          ? ' — the machine was too busy for these figures to decide the targets.'
          : '.'),
      `Bare node:http floor: ${f0(pick('floor', 'floor', 10, 'rps'))} req/s at c=10, p50 ${f1(pick('floor', 'floor', 1, 'p50'))} ms at c=1, ` +
        `node CPU ${f3(pick('floor', 'floor', 10, 'nodeMs'))} ms/req at c=10.`,
      `"this" is the service as \`npm start\` runs it (node on dist/, rebuilt from src/ at the start of the run, no TypeScript loader; ` +
        `operations run by ${process.env['BENCH_EXECUTOR'] ?? 'the default executor'}) with the response cache off; ` +
        `"cached" the same with its version-keyed response cache on (the service's default: one version read shared per second; ` +
        `hits answered before Express, src/api/http/front.ts).`,
      '',
      table,
      '',
      'Targets:',
      '',
      ...targetLines,
      '',
    ].join('\n');
    mkdirSync('bench/out', { recursive: true });
    writeFileSync('bench/out/peer.md', report);
    writeResults(report);
    console.log(report);
    console.error(`bench:peer took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const START = '<!-- bench:peer:start -->';
const END = '<!-- bench:peer:end -->';

/** Replaces the section between the markers of bench/RESULTS.md (other sections stay as they are). */
function writeResults(report: string): void {
  const file = 'bench/RESULTS.md';
  const current = readFileSync(file, 'utf8');
  const from = current.indexOf(START);
  const to = current.indexOf(END);
  if (from === -1 || to === -1) {
    console.error(`${file} has no ${START} … ${END} section: table left in bench/out/peer.md only`);
    return;
  }
  writeFileSync(file, current.slice(0, from + START.length) + '\n' + report + current.slice(to));
}

await main();
