/**
 * Latency with a library beside the seed: the mix of `npm run bench` (the per-plan coverage
 * statements and fields on the seed plan, through the database door and through the API) and the
 * questions across plans, p50 of each. Targets (issue 21): per-plan questions within 2× of the
 * seed alone, cross-plan questions under 100 ms.
 *
 * `npm run bench:library` runs it on the largest library it loads. To time a library already
 * loaded, without loading it again (a few minutes on a busy machine):
 *
 *   npx tsx bench/library/latency.ts --data-dir DIR [--runs 15]
 *
 * times the seed alone on a fresh engine, then the engine on DIR (it must hold the seed), and
 * prints the tables with "met" / "NOT met" and the load average.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type OpenDatabase } from '../../src/db/open.ts';
import { DEFAULT_API_OPTIONS, startServer } from '../../src/api/server.ts';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import { loadPlan } from '../../src/ingest/load/load.ts';
import { formatTable } from '../../src/cli/table.ts';
import { type CypherCatalog, statement } from '../../src/db/catalog.ts';
import { COVERAGE, COVERAGE_FIELDS, coverageParams } from '../run.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SEED = join(REPO, 'seeds/cast-2018-reform-key-tasks.txt');
export const SEED_ID = 'cast-2018';
export const TARGET_CROSS_P50_MS = 100;
/** Plans of the coverage(planIds:) question: the seed and the first of the others, by id. */
const COVERAGE_SET = 10;

/**
 * The document both the seed and the science associations' copies cite: with the library beside the
 * seed, hundreds of plans cite it.
 */
const CITED_TITLE = '科协系统深化改革实施方案';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
export const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');

/** p50 ms of each question, or the error code it answered with. */
export type Timed = Map<string, number | string>;
export interface Mix {
  readonly perPlan: Timed;
  readonly cross: Timed;
}

/** A GraphQL client of one server: data, or an error carrying the answer's code. */
function client(url: string) {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.text();
    if (!body.startsWith('{"data"') || body.includes('"errors"')) {
      const code = /"code":"([A-Z_]+)"/.exec(body)?.[1] ?? 'ERROR';
      console.error(`${query.slice(0, 120)}: expected data, found ${body.slice(0, 300)}`);
      throw Object.assign(new Error(code), { code });
    }
    return (JSON.parse(body) as { data: T }).data;
  };
}

/**
 * What the cross-plan questions ask about, chosen on the graph as it is: the most mentioned
 * concept, the department leading most tasks, the seed's parent document, the seed's first task,
 * and a set of plans starting with the seed.
 */
async function subjects(ask: ReturnType<typeof client>) {
  const d = await ask<{
    concepts: { nodes: { name: string }[] };
    departments: { id: string }[];
    plans: { id: string }[];
  }>(
    `{ concepts(orderBy: MENTIONS_DESC, first: 1) { nodes { name } }
       departments(orderBy: TASKS_DESC, first: 1) { id } plans { id } }`,
  );
  const others = d.plans.map((p) => p.id).filter((id) => id !== SEED_ID);
  return {
    concept: d.concepts.nodes[0]?.name ?? '四服务',
    department: d.departments[0]?.id ?? 'dept/组人部',
    planIds: [SEED_ID, ...others.slice(0, COVERAGE_SET - 1)],
  };
}

/**
 * A coverage statement's parameters on the seed as the API passes them: bench/run.ts's, with the
 * seed as `planIds` where the statement takes a set of plans, and only the parameters it declares.
 */
function seedParams(catalog: CypherCatalog, query: string): Record<string, unknown> {
  const given: Record<string, unknown> = { ...coverageParams(catalog, query, SEED_ID), planIds: [SEED_ID] };
  return Object.fromEntries(statement(catalog, query).params.map((p) => [p, given[p] ?? null]));
}

/** Untimed runs of each question before its timed runs. */
const WARM_UPS = 5;

/** Times the mix on an engine: per-plan questions on the seed, then the questions across plans. */
export async function timeMix(open: OpenDatabase, runs: number): Promise<Mix> {
  const { db } = open;
  // A cold engine reads its store from disk: the statements the service starts with, read until
  // they answer, so that the timings are of a warm engine.
  for (const name of [
    'plans-all',
    'count-all-labels',
    'count-largest-plan-labels',
    'count-largest-plan-relationships',
  ]) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await db.read(name, {}, { counted: false });
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  }
  const server = await startServer(db, { port: 0, host: '127.0.0.1', api: DEFAULT_API_OPTIONS });
  const ask = client(server.url);
  const perPlan: Timed = new Map();
  const cross: Timed = new Map();
  const timeIt = async (work: () => Promise<unknown>): Promise<number | string> => {
    try {
      // Warm-up: the query plans compiled, the page cache filled, and the engine's JIT past its
      // first tiers for this question's operators. The bench starts a fresh engine before each
      // mix (run.ts: the seed alone, then the library on the API's collector), so one warm-up
      // would time code the interpreter still runs, on whichever side happened to be colder.
      for (let i = 0; i < WARM_UPS; i += 1) await work();
    } catch (error) {
      // A question the service refuses is a finding of the run, not its end.
      return (error as { code?: string }).code ?? 'ERROR';
    }
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      await work();
      times.push(performance.now() - started);
    }
    return median(times);
  };
  try {
    // The service's first priced request waits for the graph's counts (seconds at 1,000 plans on a
    // cold engine): asked until answered, so that no question's warm-up pays for them.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await ask('{ plans { id } }');
        break;
      } catch (error) {
        if (attempt >= 10) throw error;
      }
    }
    for (const query of COVERAGE) {
      perPlan.set(`${query} (cypher)`, await timeIt(() => db.read(query, seedParams(db.catalog, query))));
    }
    for (const [field, selection] of COVERAGE_FIELDS) {
      perPlan.set(
        `coverage { ${field} } (API)`,
        await timeIt(() => ask(`{ coverage(planId: "${SEED_ID}") { ${selection} } }`)),
      );
    }
    const on = await subjects(ask);
    const questions: [string, string, Record<string, unknown>][] = [
      [
        'Concept.plansByYear (most mentioned)',
        'query($n: String!) { concept(name: $n) { plansByYear(first: 20) { year plan { id title } mentionCount elementCount } } }',
        { n: on.concept },
      ],
      [
        'Department.plansByYear (most tasks)',
        'query($n: String!) { department(name: $n) { plansByYear(first: 20) { year plan { id title } leadCount participationCount } } }',
        { n: on.department },
      ],
      [
        `Document.citingPlans 《${CITED_TITLE}》`,
        'query($t: String!) { document(title: $t) { citingPlans(first: 20) { year plan { id } citationCount firstCitation { source { quote } } } } }',
        { t: CITED_TITLE },
      ],
      [
        'Task.lineage (seed task 1)',
        'query($p: ID!) { task(planId: $p, number: 1) { lineage(first: 20) { year plan { id } direction hops relation score task { id title } } } }',
        { p: SEED_ID },
      ],
      [
        `coverage(planIds: the seed and up to ${COVERAGE_SET - 1} more) { goals departments }`,
        'query($ids: [ID!]) { coverage(planIds: $ids) { goals { goal { id title } taskCount totalScore } departments { department { name } taskCount } } }',
        { ids: on.planIds },
      ],
      ['plans (the explorer switcher)', '{ plans { id title complete stopsAtLine caveats } }', {}],
      ['search 科技工作者, first 10', '{ search(query: "科技工作者", first: 10) { id type score } }', {}],
    ];
    for (const [name, query, variables] of questions) {
      cross.set(`${name} (API)`, await timeIt(() => ask(query, variables)));
    }
    const landing = async () => {
      const response = await fetch(`${server.url}/`);
      if (response.status !== 200)
        throw Object.assign(new Error('landing'), { code: `HTTP ${response.status}` });
      await response.text();
    };
    cross.set('landing page / (HTTP)', await timeIt(landing));
    // The worst a start page's filter can be asked: pattern syntax near the request line's limit
    // (test/integration/landing-library.test.ts checks its answer). It is read as plain text, cut to
    // the first 200 characters, and matched against every plan's id and title.
    const hostile = `/?q=${encodeURIComponent('.*(a+)+$[^]{1,999}\\'.repeat(250))}`;
    cross.set(
      'landing page, hostile ?q= (4,750 characters of pattern syntax) (HTTP)',
      await timeIt(async () => {
        const response = await fetch(`${server.url}${hostile}`);
        if (response.status !== 200)
          throw Object.assign(new Error('landing ?q='), { code: `HTTP ${response.status}` });
        await response.text();
      }),
    );
  } finally {
    await server.close();
  }
  return { perPlan, cross };
}

/** The latency tables of a seed-alone mix and a library mix, with "met" / "NOT met" per target. */
export function latencyTables(seed: Mix, library: Mix, plans: number, runs: number): string {
  const out: string[] = [
    `### Latency, p50 ms of ${runs} runs: the seed alone vs the seed beside ${plans} plans`,
    '',
  ];
  const shown = (x: number | string | undefined) => (typeof x === 'number' ? x.toFixed(1) : (x ?? '-'));
  const per = [...seed.perPlan].map(([q, a]) => {
    const b = library.perPlan.get(q);
    const ok = typeof a === 'number' && typeof b === 'number' && b <= 2 * a;
    const ratio = typeof a === 'number' && typeof b === 'number' ? (b / a).toFixed(2) : '-';
    return [q, shown(a), shown(b), ratio, ok ? 'met' : 'NOT met'];
  });
  out.push(
    formatTable(['per-plan question (seed)', 'seed alone', `${plans} plans`, 'ratio', 'within 2×'], per),
    '',
  );
  const cross = [...seed.cross].map(([q, a]) => {
    const b = library.cross.get(q);
    return [q, shown(a), shown(b), typeof b === 'number' && b < TARGET_CROSS_P50_MS ? 'met' : 'NOT met'];
  });
  out.push(
    formatTable(
      ['cross-plan question', 'seed alone', `${plans} plans`, `p50 < ${TARGET_CROSS_P50_MS} ms`],
      cross,
    ),
    '',
  );
  const allPer = per.every((r) => r[4] === 'met');
  const allCross = cross.every((r) => r[3] === 'met');
  out.push(
    `Per-plan questions within 2× of the seed alone: ${allPer ? 'met' : `NOT met (${per.filter((r) => r[4] !== 'met').length} of ${per.length})`}. ` +
      `Cross-plan p50 < ${TARGET_CROSS_P50_MS} ms: ${allCross ? 'met' : `NOT met (${cross.filter((r) => r[3] !== 'met').length} of ${cross.length})`}.`,
    '',
  );
  return out.join('\n');
}

/** An embedded engine on `dataDir` (a free port; never a NEO4J_URI of the environment). */
export async function engineOn(dataDir: string): Promise<OpenDatabase> {
  const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_PORT: '0' };
  delete env['NEO4J_URI'];
  return openDatabase(loadConfig(env), { onLog: () => undefined });
}

export async function loadSeed(open: OpenDatabase): Promise<void> {
  const { text, source } = readPlanFile(SEED);
  await loadPlan(open.db, parsePlan(text, source));
}

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      runs: { type: 'string', default: '15' },
    },
  });
  const dir = values['data-dir'];
  if (dir === undefined)
    throw new Error('--data-dir: expected the data directory of a loaded library, found none');
  const runs = Number(values.runs);
  const startedAt = new Date();
  const loadAtStart = loadAverage();
  const fresh = mkdtempSync(join(tmpdir(), 'plan-graph-bench-latency-'));
  let seed: Mix;
  const alone = await engineOn(fresh);
  try {
    await loadSeed(alone);
    seed = await timeMix(alone, runs);
  } finally {
    await alone.close();
    rmSync(fresh, { recursive: true, force: true });
  }
  const open = await engineOn(dir);
  let library: Mix;
  let plans: number;
  try {
    const [row] = await open.db.read<{ count: number }>('plans-count');
    plans = (row?.count ?? 1) - 1;
    library = await timeMix(open, runs);
  } finally {
    await open.close();
  }
  const report = [
    `Measured ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npx tsx bench/library/latency.ts --data-dir DIR --runs ${runs}\` (DIR: the seed and ${plans} generated plans).`,
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Neo4j embedded. ` +
      `Load average (1/5/15 min) at start ${loadAtStart}, at end ${loadAverage()}.`,
    '',
    latencyTables(seed, library, plans, runs),
  ].join('\n');
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/library-latency.md', report + '\n');
  console.log(report);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
  process.exit(0);
}
