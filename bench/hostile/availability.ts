/**
 * Availability under the heaviest requests the service allows. Six clients, each from its own
 * address (127.0.0.2 … 127.0.0.7, so that admission sees six clients), send back to back for
 * DURATION seconds (default 30) a rotation of: `path` between far nodes with 20 aliases (as long
 * and as wide as the price allows), `compare` of a 2,000-task plan with the seed, and the
 * all-plans GraphML export. Meanwhile a seventh client (127.0.0.1) asks a small data question
 * every 100 ms; its latency is the figure (target: p99 under 500 ms, no INTERNAL_SERVER_ERROR).
 * Then 20 all-plans exports at once, with node's RSS sampled (target: under 500 MB).
 *
 *   npx tsx bench/hostile/availability.ts [DURATION_SECONDS]
 */
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import { loadPlan } from '../../src/ingest/load/load.ts';
import { repeatTasks } from '../../test/support/large-plan.ts';
import { percentile, rssMb, SEED, startBench } from './common.ts';

const DURATION_S = Number(process.argv[2] ?? 30);
const HEAVY_CLIENTS = 6;
const LARGE = 'large-2000';

interface Answer {
  readonly status: number;
  readonly code: string;
  readonly ms: number;
  readonly bytes: number;
}

/** One request from `localAddress`, the body counted and dropped; the first error code, if any. */
function send(
  url: string,
  localAddress: string,
  options: { method: 'GET' | 'POST'; path: string; body?: string },
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      `${url}${options.path}`,
      {
        method: options.method,
        localAddress,
        headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        let bytes = 0;
        let head = '';
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (head.length < 2_000) head += c.toString('utf8');
        });
        res.on('end', () => {
          const code =
            /"code":"([A-Z_]+)"/.exec(head)?.[1] ??
            (res.trailers['export-status']?.startsWith('interrupted') ? 'EXPORT_INTERRUPTED' : 'data');
          resolve({ status: res.statusCode ?? 0, code, ms: performance.now() - started, bytes });
        });
        res.on('error', () =>
          resolve({ status: res.statusCode ?? 0, code: 'CUT', ms: performance.now() - started, bytes }),
        );
      },
    );
    req.on('error', (e) =>
      resolve({
        status: 0,
        code: `SOCKET ${(e as NodeJS.ErrnoException).code}`,
        ms: performance.now() - started,
        bytes: 0,
      }),
    );
    req.end(options.body);
  });
}

const gql = (query: string) => ({
  method: 'POST' as const,
  path: '/graphql',
  body: JSON.stringify({ query }),
});

const FAR_PATH = gql(
  `{ ${Array.from(
    { length: 20 },
    (_, i) =>
      `p${i}: path(from: "dept/组人部", to: "concept/四服务", maxLength: ${i % 2 === 0 ? 8 : 6}) { length nodes { id } }`,
  ).join(' ')} }`,
);
const COMPARE = gql(`{ compare(a: "${LARGE}", b: "cast-2018") { aligned { score } onlyInA { id } } }`);
const EXPORT = { method: 'GET' as const, path: '/plans/graph.graphml' };
const HEAVY = [
  ['path ×20 far', FAR_PATH],
  ['compare 2,000 × 10', COMPARE],
  ['export all plans', EXPORT],
] as const;
const SMALL = gql('{ task(planId: "cast-2018", number: 3) { title leadDepartments { name } } }');

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const bench = await startBench();
  const { text, source } = readPlanFile(SEED);
  await loadPlan(bench.db, repeatTasks(parsePlan(text, source, { planId: LARGE }), 200), { force: true });
  console.log(`seed and ${LARGE} loaded; load average ${load()}`);

  // Idle figure first: the small question alone.
  const idle: number[] = [];
  for (let i = 0; i < 50; i++) idle.push((await send(bench.url, '127.0.0.1', SMALL)).ms);
  // Prices of the heavy requests, as the service sees them: refused or not.
  for (const [name, req] of HEAVY) {
    const a = await send(bench.url, '127.0.0.2', req);
    console.log(`${name}: ${a.status} ${a.code} ${a.bytes} bytes in ${a.ms.toFixed(0)} ms (alone)`);
  }

  const loadBefore = load();
  const stopAt = Date.now() + DURATION_S * 1000;
  const heavy = new Map<string, Map<string, number>>();
  let rssPeak = rssMb(process.pid);
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(process.pid))), 500);
  const clients = Array.from({ length: HEAVY_CLIENTS }, async (_, c) => {
    for (let i = c; Date.now() < stopAt; i++) {
      const [name, req] = HEAVY[i % HEAVY.length]!;
      const a = await send(bench.url, `127.0.0.${c + 2}`, req);
      const tally = heavy.get(name) ?? new Map<string, number>();
      tally.set(`${a.status} ${a.code}`, (tally.get(`${a.status} ${a.code}`) ?? 0) + 1);
      heavy.set(name, tally);
      // A refused client waits as Retry-After asks (at least a little) instead of spinning.
      if (a.status === 429) await new Promise((r) => setTimeout(r, 1_000));
    }
  });
  const probe: Answer[] = [];
  const prober = (async () => {
    while (Date.now() < stopAt) {
      probe.push(await send(bench.url, '127.0.0.1', SMALL));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const health: number[] = [];
  const healthProber = (async () => {
    while (Date.now() < stopAt) {
      const started = performance.now();
      await fetch(`${bench.url}/health`);
      health.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  await Promise.all([...clients, prober, healthProber]);
  clearInterval(sampler);
  const loadAfter = load();

  const ms = probe.map((p) => p.ms);
  const codes = new Map<string, number>();
  for (const p of probe) codes.set(`${p.status} ${p.code}`, (codes.get(`${p.status} ${p.code}`) ?? 0) + 1);
  const f = (v: number) => v.toFixed(1);
  console.log(
    `\nsmall query idle: p50 ${f(percentile(idle, 50))} ms, p99 ${f(percentile(idle, 99))} ms (${idle.length})`,
  );
  console.log(
    `small query under load: p50 ${f(percentile(ms, 50))} ms, p95 ${f(percentile(ms, 95))} ms, p99 ${f(percentile(ms, 99))} ms, ` +
      `max ${f(Math.max(...ms))} ms (${ms.length} samples): ${[...codes].map(([k, n]) => `${k} ×${n}`).join(', ')}`,
  );
  console.log(
    `/health under load: p50 ${f(percentile(health, 50))} ms, p99 ${f(percentile(health, 99))} ms (${health.length})`,
  );
  for (const [name, tally] of heavy) {
    console.log(`${name}: ${[...tally].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  }
  const internal = [...probe.map((p) => p.code), ...[...heavy.values()].flatMap((t) => [...t.keys()])].filter(
    (k) => k.includes('INTERNAL_SERVER_ERROR'),
  );
  console.log(`INTERNAL_SERVER_ERROR answers: ${internal.length}`);
  console.log(`node RSS peak ${rssPeak} MB; load average before ${loadBefore}, after ${loadAfter}`);

  // Twenty all-plans exports at once.
  rssPeak = rssMb(process.pid);
  const sampler2 = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(process.pid))), 200);
  const exports = await Promise.all(
    Array.from({ length: 20 }, (_, i) => send(bench.url, `127.0.0.${(i % 6) + 2}`, EXPORT)),
  );
  clearInterval(sampler2);
  const byStatus = new Map<string, number>();
  for (const e of exports)
    byStatus.set(`${e.status} ${e.code}`, (byStatus.get(`${e.status} ${e.code}`) ?? 0) + 1);
  const whole = exports.filter((e) => e.status === 200);
  console.log(
    `\n20 all-plans exports at once: ${[...byStatus].map(([k, n]) => `${k} ×${n}`).join(', ')}; ` +
      `${whole.length > 0 ? (whole[0]!.bytes / 1e6).toFixed(1) : 0} MB each, slowest ${f(Math.max(...exports.map((e) => e.ms)))} ms; ` +
      `node RSS peak ${rssPeak} MB; load average ${load()}`,
  );
  await bench.close();
}

await main();
