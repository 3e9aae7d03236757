/**
 * A soak with the query mix: ordinary reads, exports and hostile requests, from 4 clients at once
 * for DURATION seconds (default 600). Every answer is checked against what it should be (data, or
 * the error code it must have); the RSS of node (service and clients share the process) and of
 * the engine's java process is sampled every 15 s.
 *
 *   npx tsx bench/hostile/soak.ts [DURATION_SECONDS]
 */
import { AMPLIFICATION, rssMb, startBench } from './common.ts';

const DURATION_S = Number(process.argv[2] ?? 600);
const CLIENTS = 4;

interface Case {
  readonly name: string;
  readonly send: (url: string) => Promise<Response>;
  /** 'data' for an answer without errors, else the code the first error must have. */
  readonly expect: string;
}

const gql =
  (query: string, variables: Record<string, unknown> = {}) =>
  (url: string) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });

const MIX: readonly Case[] = [
  {
    name: 'plans',
    send: gql('{ plans { id title tasks { id title leadDepartments { name } } } }'),
    expect: 'data',
  },
  {
    name: 'task',
    send: gql(
      '{ task(planId: "cast-2018", number: 3) { title subItems { text } serves { goal { title } score } } }',
    ),
    expect: 'data',
  },
  { name: 'search', send: gql('{ search(query: "四服务") { id snippet } }'), expect: 'data' },
  {
    name: 'coverage',
    send: gql(
      '{ coverage(planId: "cast-2018") { goals { taskCount } departments { taskCount } concepts { mentionCount } } }',
    ),
    expect: 'data',
  },
  {
    name: 'concepts page',
    send: gql('{ concepts(first: 20) { nodes { name mentionedIn(first: 5) { totalCount } } } }'),
    expect: 'data',
  },
  {
    name: 'neighborhood',
    send: gql('{ neighborhood(id: "cast-2018/task-1", depth: 2) { nodes { id } edges { id } } }'),
    expect: 'data',
  },
  { name: 'export json', send: (url) => fetch(`${url}/plans/cast-2018/graph.json`), expect: 'data' },
  { name: 'amplification', send: gql(AMPLIFICATION), expect: 'TOO_EXPENSIVE' },
  { name: 'syntax error', send: gql('{ plans { id '), expect: 'GRAPHQL_PARSE_FAILED' },
  {
    name: 'bad JSON',
    send: (url) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query',
      }),
    expect: 'BAD_REQUEST',
  },
  {
    name: 'forged cursor',
    send: gql(`{ subItems(after: "${Buffer.from('offset:2147483647').toString('base64')}") { totalCount } }`),
    expect: 'BAD_USER_INPUT',
  },
  { name: 'unknown plan', send: gql('{ departments(planId: "nope") { id } }'), expect: 'NOT_FOUND' },
];

async function outcome(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[]; elements?: unknown };
    if (body.errors?.length) return body.errors[0]?.extensions?.code ?? 'NO_CODE';
    return response.status === 200 ? 'data' : `HTTP_${response.status}`;
  } catch {
    return `NOT_JSON_${response.status}`;
  }
}

async function main() {
  const bench = await startBench();
  const counts = new Map<string, { ok: number; wrong: number; slowestMs: number }>();
  const wrong: string[] = [];
  const samples: { s: number; node: number; java: number; requests: number }[] = [];
  let requests = 0;
  const started = Date.now();
  const end = started + DURATION_S * 1000;
  const sample = () =>
    samples.push({
      s: Math.round((Date.now() - started) / 1000),
      node: rssMb(process.pid),
      java: rssMb(bench.enginePid()),
      requests,
    });
  sample();
  const sampler = setInterval(sample, 15_000);
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = client; Date.now() < end; i++) {
          const c = MIX[i % MIX.length]!;
          const t = performance.now();
          let got: string;
          try {
            got = await outcome(await c.send(bench.url));
          } catch (error) {
            got = `FETCH_FAILED ${(error as Error).message}`;
          }
          const ms = performance.now() - t;
          requests += 1;
          const tally = counts.get(c.name) ?? { ok: 0, wrong: 0, slowestMs: 0 };
          tally.slowestMs = Math.max(tally.slowestMs, ms);
          if (got === c.expect) tally.ok += 1;
          else {
            tally.wrong += 1;
            if (wrong.length < 20) wrong.push(`${c.name}: expected ${c.expect}, got ${got}`);
          }
          counts.set(c.name, tally);
        }
      }),
    );
  } finally {
    clearInterval(sampler);
    sample();
    await bench.close();
  }
  console.log(`| case | answers as expected | other answers | slowest (ms) |`);
  console.log(`| --- | --- | --- | --- |`);
  for (const [name, t] of counts)
    console.log(`| ${name} | ${t.ok} | ${t.wrong} | ${Math.round(t.slowestMs)} |`);
  console.log(
    `\n${requests} requests in ${DURATION_S} s, ${wrong.length} unexpected answers${wrong.length ? ':\n  ' + wrong.join('\n  ') : ''}\n`,
  );
  console.log(`| s | requests so far | node RSS (MB) | java RSS (MB) |`);
  console.log(`| --- | --- | --- | --- |`);
  for (const s of samples) console.log(`| ${s.s} | ${s.requests} | ${s.node} | ${s.java} |`);
}

await main();
