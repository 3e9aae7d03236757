/**
 * The benchmarks, run on demand (`npm run bench`), never in the test suite:
 *   1. parse time of the seed and of a plan 100× larger generated from its shape;
 *   2. load time of each into a throw-away embedded engine;
 *   3. latency of every coverage query on each.
 * Prints a table per part and writes them to bench/out/results.md (copy into bench/RESULTS.md
 * with the machine's description when they change).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { statement } from '../src/db/catalog.ts';
import { openDatabase } from '../src/db/open.ts';
import { parsePlan, readPlanFile } from '../src/ingest/index.ts';
import { loadPlan } from '../src/ingest/load/load.ts';
import { formatTable } from '../src/cli/table.ts';
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

const COVERAGE = [
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
          // Paginated lists are asked for their first page of 100, as the API does by default.
          const page = statement(db.catalog, query).params.includes('first') ? { offset: 0, first: 100 } : {};
          const [ms] = await time(() => db.read(query, { planId: plan.id, ...page }));
          times.push(ms);
        }
        coverageRows.get(query)!.push(median(times).toFixed(1));
      }
    }
  } finally {
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
  ].join('\n');
  writeFileSync('bench/out/results.md', report);
  console.log(report);
}

await main();
