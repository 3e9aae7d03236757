/**
 * The benchmarks, run on demand (`npm run bench`), never in the test suite:
 *   1. parse time of the seed and of a plan 100× larger generated from its shape;
 *   2. load time of each into a throw-away embedded engine;
 *   3. latency of every coverage statement on each, and of every coverage field through the API.
 * Prints a table per part and writes them to bench/out/results.md (copy into bench/RESULTS.md
 * with the machine's description when they change).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { statement, type CypherCatalog } from '../src/db/catalog.ts';
import { openDatabase } from '../src/db/open.ts';
import { parsePlan, readPlanFile } from '../src/ingest/index.ts';
import { loadPlan } from '../src/ingest/load/load.ts';
import { formatTable } from '../src/cli/table.ts';
import { DEFAULT_API_OPTIONS, startServer } from '../src/api/server.ts';
import { generateLargerPlan } from './generate.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const SEED = 'seeds/cast-2018-reform-key-tasks.txt';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

/** The per-plan statements of the mix (also timed at 1,000 plans by bench/library/run.ts). */
export const COVERAGE = [
  'coverage-goals',
  'coverage-tasks-serving-none',
  'coverage-departments',
  'coverage-shared-tasks',
  'coverage-concepts',
  'coverage-concepts-once',
  'coverage-elements-without-concept',
  'coverage-problems',
  'coverage-unaddressed-problems',
  'count-plan-labels',
  'count-plan-relationships',
];

/** Each coverage field as a client asks it through the API (default pages), on `$plan`. */
export const COVERAGE_FIELDS: [string, string][] = [
  ['goals', 'goals { goal { id number title } taskCount totalScore }'],
  ['tasksServingNoGoal', 'tasksServingNoGoal { id number title }'],
  [
    'departments',
    'departments { department { name } taskCount subItemCount tasks { id number title } goals { id number } sharesTasksWith { name } }',
  ],
  ['sharedTasks', 'sharedTasks { task { id title } departments { name } }'],
  [
    'concepts',
    'concepts { concept { name } mentionCount elementCount elementIds tasks { id number } goals { id number } }',
  ],
  ['conceptsMentionedOnce', 'conceptsMentionedOnce { name }'],
  ['elementsWithoutConcept', 'elementsWithoutConcept { id }'],
  ['problems', 'problems { problem { name } addressedBy { element { id } } }'],
  ['unaddressedProblems', 'unaddressedProblems { name }'],
  ['counts', 'counts { nodes { label count } relationships { label count } }'],
];

/** A coverage statement's parameters as the API passes them by default, on one plan. */
export function coverageParams(
  catalog: CypherCatalog,
  query: string,
  planId: string,
): Record<string, unknown> {
  // Paginated lists are asked for their first page of 100, as the API does by default.
  const { params } = statement(catalog, query);
  const page = params.includes('first') ? { offset: 0, first: 100 } : {};
  // Derived edges at any score, the API's default minScore.
  const score = params.includes('minScore') ? { minScore: 0 } : {};
  // Lists inside rows (a department's tasks, a concept's elements): their first page of 100.
  const first = { offset: 0, first: 100 };
  const pages = params.includes('pages') ? { pages: { elements: first, tasks: first, goals: first } } : {};
  // Coverage statements take a set of plans ($planIds, coverage(planIds:)); the rest one plan.
  const plan = params.includes('planIds') ? { planIds: [planId] } : { planId };
  return { ...plan, ...page, ...score, ...pages };
}

async function main() {
  mkdirSync('bench/out', { recursive: true });
  // Repeating the task sections 200 times makes a file 100× the seed's bytes (1.6 MB vs 16 KB):
  // the seed's page chrome and preamble are written once, the tasks many times.
  const large = 'bench/out/cast-2018-x200.txt';
  writeFileSync(large, generateLargerPlan(SEED, 200));
  const plans = [
    { name: 'seed', file: SEED, id: 'cast-2018' },
    { name: '100× bytes', file: large, id: 'cast-2018-x200' },
  ];

  const dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-bench-'));
  const env = { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_PORT: '0' };
  if (process.env['NEO4J_URI']) console.error(`benchmarking against ${process.env['NEO4J_URI']}`);
  const { db, close } = await openDatabase(loadConfig(env), { onLog: (l) => console.error(l) });
  const ingestRows: string[][] = [];
  const coverageRows = new Map<string, string[]>(COVERAGE.map((q) => [q, [q]]));
  const apiRows = new Map<string, string[]>(COVERAGE_FIELDS.map(([f]) => [f, [`coverage { ${f} }`]]));
  const server = await startServer(db, { port: 0, host: '127.0.0.1', api: DEFAULT_API_OPTIONS });
  try {
    for (const plan of plans) {
      const { text, source } = readPlanFile(plan.file);
      const parseTimes: number[] = [];
      let model = parsePlan(text, source, { planId: plan.id });
      for (let i = 0; i < (plan.name === 'seed' ? RUNS : 3); i += 1) {
        const [ms, m] = await time(() => parsePlan(text, source, { planId: plan.id }));
        parseTimes.push(ms);
        model = m;
      }
      const [loadMs] = await time(() => loadPlan(db, model, { force: true }));
      const [reloadMs] = await time(() => loadPlan(db, model));
      ingestRows.push([
        plan.name,
        `${(source.bytes / 1024).toFixed(0)} KiB`,
        String(model.elements.length),
        String(model.mentions.length),
        String(model.serves.length),
        median(parseTimes).toFixed(1),
        loadMs.toFixed(0),
        reloadMs.toFixed(0),
      ]);
      console.error(`${plan.name}: parsed and loaded`);
      for (const query of COVERAGE) {
        const times: number[] = [];
        for (let i = 0; i < RUNS; i += 1) {
          const [ms] = await time(() => db.read(query, coverageParams(db.catalog, query, plan.id)));
          times.push(ms);
        }
        coverageRows.get(query)!.push(median(times).toFixed(1));
      }
      // The same through the API: HTTP, the cost model, execution and the loaders' follow-ups.
      for (const [field, selection] of COVERAGE_FIELDS) {
        const query = `{ coverage(planId: "${plan.id}") { ${selection} } }`;
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < RUNS; i += 1) {
          const [ms, body] = await time(async () => {
            const response = await fetch(`${server.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query }),
            });
            return response.text();
          });
          if (!body.startsWith('{"data"') || body.includes('"errors"')) {
            throw new Error(
              `coverage { ${field} } on ${plan.id}: expected data, found ${body.slice(0, 300)}`,
            );
          }
          bytes = Buffer.byteLength(body);
          times.push(ms);
        }
        apiRows.get(field)!.push(`${median(times).toFixed(1)} (${(bytes / 1024).toFixed(0)} KiB)`);
      }
    }
  } finally {
    await server.close();
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const report = [
    `Runs per figure: ${RUNS} (median). Node ${process.version}.`,
    '',
    '## Ingest',
    '',
    formatTable(
      ['plan', 'size', 'elements', 'mentions', 'serves', 'parse ms', 'load ms', 'unchanged reload ms'],
      ingestRows,
    ),
    '',
    '## Coverage queries (ms, median)',
    '',
    formatTable(['query', ...plans.map((p) => p.name)], [...coverageRows.values()]),
    '',
    '## Coverage through the API (ms, median; answer size)',
    '',
    formatTable(['field', ...plans.map((p) => p.name)], [...apiRows.values()]),
    '',
  ].join('\n');
  writeFileSync('bench/out/results.md', report);
  console.log(report);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
