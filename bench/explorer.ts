/**
 * The explorer's numbers, run on demand (`npx tsx bench/explorer.ts`), never in the test suite:
 *   1. bundle size of dist/explorer (raw and gzipped, as the server sends it);
 *   2. first paint: from navigation to the first laid-out, clickable graph (the plan's outline),
 *      on the seed and on a plan of 2,000 tasks (the seed's tasks repeated 200 times, the same
 *      shape as bench/run.ts's "100× bytes" plan), in a fresh browser context each run;
 *   3. expanding a node (a click on task 6 in the graph of its first sub-item): HTTP round trips, Neo4j round trips
 *      and time until the new graph is laid out.
 * Needs the explorer built (`npm run build:explorer`) and Debian's chromium.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from '../src/api/server.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/open.ts';
import { parsePlan, readPlanFile } from '../src/ingest/index.ts';
import { loadPlan } from '../src/ingest/load/load.ts';
import { ensureSchema } from '../src/ingest/load/schema.ts';
import { repeatTasks } from '../test/support/large-plan.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
const SEED = 'seeds/cast-2018-reform-key-tasks.txt';
const DIST = 'dist/explorer/assets';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function bundleSize(): { raw: number; gzip: number; files: number } {
  const files = readdirSync(DIST).filter((f) => /\.(js|css)$/.test(f));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(DIST, f));
    raw += statSync(join(DIST, f)).size;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: files.length };
}

interface Metrics {
  firstGraphMs: number;
  lastExpand: { ms: number; roundTrips: number; added: number };
}

async function firstPaint(browser: Browser, url: string): Promise<{ ms: number; nodes: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () => document.body.dataset['busy'] === 'false' && document.body.dataset['nodes'],
    null,
    {
      timeout: 120_000,
    },
  );
  const result = await page.evaluate(() => ({
    ms: (window as unknown as { explorer: { metrics: Metrics } }).explorer.metrics.firstGraphMs,
    nodes: Number(document.body.dataset['nodes']),
  }));
  await context.close();
  return result;
}

async function expand(
  browser: Browser,
  url: string,
  id: string,
  dbTrips: () => number,
): Promise<{ ms: number; http: number; neo4j: number; added: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () => document.body.dataset['busy'] === 'false' && document.body.dataset['nodes'],
    null,
    {
      timeout: 120_000,
    },
  );
  const at = await page.evaluate(
    (node) =>
      (
        window as unknown as { explorer: { position(id: string): { x: number; y: number } } }
      ).explorer.position(node),
    id,
  );
  const before = dbTrips();
  const started = await page.evaluate(() => performance.now());
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(
    (t) =>
      (window as unknown as { explorer: { metrics: Metrics } }).explorer.metrics.lastExpand.ms > 0 &&
      performance.now() > t,
    started,
    { timeout: 120_000 },
  );
  const m = await page.evaluate(
    () => (window as unknown as { explorer: { metrics: Metrics } }).explorer.metrics.lastExpand,
  );
  const neo4j = dbTrips() - before;
  await context.close();
  return { ms: m.ms, http: m.roundTrips, neo4j, added: m.added };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-bench-explorer-'));
  const config = loadConfig({ ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_PORT: '0' });
  const { db, close } = await openDatabase(config, { onLog: () => {} });
  let browser: Browser | undefined;
  try {
    await ensureSchema(db);
    const { text, source } = readPlanFile(SEED);
    await loadPlan(db, parsePlan(text, source), { force: true });
    await loadPlan(db, repeatTasks(parsePlan(text, source, { planId: 'cast-2018-x200' }), 200), {
      force: true,
    });
    const server = await startServer(db, { port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
    const size = bundleSize();
    const rows: string[] = [];
    for (const [name, plan] of [
      ['seed', 'cast-2018'],
      ['2,000 tasks (100× the seed)', 'cast-2018-x200'],
    ] as const) {
      const paints: number[] = [];
      let nodes = 0;
      for (let i = 0; i < RUNS; i += 1) {
        const r = await firstPaint(browser, `${server.url}/explore/?plan=${plan}`);
        paints.push(r.ms);
        nodes = r.nodes;
      }
      const expands: { ms: number; http: number; neo4j: number; added: number }[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        expands.push(
          await expand(
            browser,
            `${server.url}/explore/?plan=${plan}&node=${plan}/task-6/item-1`,
            `${plan}/task-6`,
            () => db.roundTrips,
          ),
        );
      }
      const e = expands[0]!;
      rows.push(
        `| ${name} | ${nodes} | ${median(paints).toFixed(0)} | ${median(expands.map((x) => x.ms)).toFixed(0)} | ${e.http} | ${e.neo4j} | ${e.added} |`,
      );
      console.log(rows.at(-1));
    }
    const out = [
      `Bundle: ${size.files} files, ${(size.raw / 1024).toFixed(0)} KiB raw, ${(size.gzip / 1024).toFixed(0)} KiB gzipped.`,
      '',
      '| plan | nodes drawn first | first paint ms (median) | expand ms (median) | HTTP round trips | Neo4j round trips | nodes added |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
    mkdirSync('bench/out', { recursive: true });
    writeFileSync('bench/out/explorer.md', `${out}\n`);
    console.log(out);
    await server.close();
  } finally {
    await browser?.close();
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
