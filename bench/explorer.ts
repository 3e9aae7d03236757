/**
 * The explorer's speed as a person meets it, run on demand (`npx tsx bench/explorer.ts`), never in
 * the test suite. In Debian's chromium, a fresh browser context (empty cache) per run, on the seed:
 *   1. first graph: navigation to /explore/?plan=cast-2018 → the plan's outline laid out and clickable;
 *   2. search → graph: 组人部 searched (sent → results listed), then its result picked (→ its
 *      neighbourhood drawn and the panel filled); the two machine parts added, the person's pick not;
 *   3. expand → redrawn: a click on task 6 in that graph → its neighbours merged and laid out.
 * The times are the page's own User Timing entries (src/api/explorer/perf.ts), so the benchmark
 * and the browser test read the same figures. Also: the requests sent before the first graph, the
 * bytes the first graph waits for (the entry script, its CSS and the Cytoscape.js chunk), and where
 * the first graph's time goes (until the script runs, the first request, the layout).
 *
 * Targets on an idle machine: first graph ≤ 1 s, expand ≤ 100 ms (medians); each printed "met" or
 * "NOT met", with the load average beside it (a busy machine makes every figure an upper bound).
 * Results go to bench/out/explorer.md and replace the block between the explorer-bench markers in
 * bench/RESULTS.md.
 *
 *   EXPLORER_URL=http://127.0.0.1:4000 npx tsx bench/explorer.ts   # against a running `npm start` (quick)
 *   npx tsx bench/explorer.ts                                      # its own throw-away engine with the seed
 *   BENCH_RUNS=7 (default 5); BENCH_LARGE=1 adds a plan of 2,000 tasks (own engine only)
 *
 * Needs the explorer built (`npm run build:explorer`) and Debian's chromium (CHROMIUM to use another).
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const LARGE = process.env['BENCH_LARGE'] === '1';
const SEED = 'seeds/cast-2018-reform-key-tasks.txt';
const SEED_ID = 'cast-2018';
const DIST = 'dist/explorer';
const TARGETS = { firstGraph: 1000, expand: 100 };
const RESULTS = 'bench/RESULTS.md';
const BEGIN = '<!-- explorer-bench: written by bench/explorer.ts -->';
const END = '<!-- /explorer-bench -->';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

/** The files the first graph waits for: those index.html names, and the chunk with Cytoscape.js. */
function firstGraphBytes(): { files: string[]; raw: number; gzip: number } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\/explore\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const graph = readdirSync(join(DIST, 'assets')).filter((f) => /^graph-.*\.js$/.test(f));
  // index.html names the graph chunk too (a module preload): each file once.
  const files = [...new Set([...named, ...graph.map((f) => `assets/${f}`)])];
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(DIST, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, raw, gzip };
}

interface Run {
  firstGraph: number;
  firstRoundTrips: number;
  script: number;
  firstRequest: number;
  layout: number;
  search: number;
  resultToGraph: number;
  expand: number;
  expandRoundTrips: number;
  nodes: number;
}

interface Hooks {
  position(id: string): { x: number; y: number };
  metrics: {
    firstGraphRoundTrips: number;
    lastExpand: { ms: number; roundTrips: number; added: number };
  };
}

const idle = (page: Page) =>
  page.waitForFunction(
    () => document.body.dataset['busy'] === 'false' && document.body.dataset['nodes'],
    null,
    {
      timeout: 120_000,
    },
  );

/** The last User Timing entry of a name (a mark's time from navigation, a measure's duration). */
const timing = (page: Page, name: string) =>
  page.evaluate((n) => {
    const entry = performance.getEntriesByName(n).at(-1);
    return entry ? (entry.entryType === 'mark' ? entry.startTime : entry.duration) : NaN;
  }, name);

async function once(browser: Browser, base: string, plan: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  const page = await context.newPage();
  try {
    await page.goto(`${base}/explore/?plan=${plan}`);
    await idle(page);
    const first = {
      firstGraph: await timing(page, 'explorer:first-graph'),
      script: await timing(page, 'explorer:script'),
      firstRequest: await timing(page, 'explorer:first-request'),
      layout: await timing(page, 'explorer:layout'),
      firstRoundTrips: await page.evaluate(
        () => (window as unknown as { explorer: Hooks }).explorer.metrics.firstGraphRoundTrips,
      ),
      nodes: Number(await page.evaluate(() => document.body.dataset['nodes'])),
    };
    await page.fill('#search', '组人部');
    await page.click('#search-form button[type="submit"]');
    const dept = page.locator('#results button[data-id^="dept/"]').first();
    await dept.click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('node')?.startsWith('dept/'));
    await idle(page);
    const at = await page.evaluate(
      (id) => (window as unknown as { explorer: Hooks }).explorer.position(id),
      `${plan}/task-6`,
    );
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(
      () => (window as unknown as { explorer: Hooks }).explorer.metrics.lastExpand.ms > 0,
      null,
      { timeout: 120_000 },
    );
    return {
      ...first,
      search: await timing(page, 'explorer:search'),
      resultToGraph: await timing(page, 'explorer:result-to-graph'),
      expand: await timing(page, 'explorer:expand'),
      expandRoundTrips: await page.evaluate(
        () => (window as unknown as { explorer: Hooks }).explorer.metrics.lastExpand.roundTrips,
      ),
    };
  } finally {
    await context.close();
  }
}

/** A throw-away embedded engine with the seed (and the large plan), and the real server on it. */
async function ownService(): Promise<{ url: string; close(): Promise<void> }> {
  const { startServer } = await import('../src/api/server.ts');
  const { loadConfig } = await import('../src/config.ts');
  const { openDatabase } = await import('../src/db/open.ts');
  const { parsePlan, readPlanFile } = await import('../src/ingest/index.ts');
  const { loadPlan } = await import('../src/ingest/load/load.ts');
  const { ensureSchema } = await import('../src/ingest/load/schema.ts');
  const { repeatTasks } = await import('../test/support/large-plan.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-bench-explorer-'));
  const config = loadConfig({ ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_PORT: '0' });
  const { db, close } = await openDatabase(config, { onLog: () => {} });
  await ensureSchema(db);
  const { text, source } = readPlanFile(SEED);
  await loadPlan(db, parsePlan(text, source), { force: true });
  if (LARGE) {
    await loadPlan(db, repeatTasks(parsePlan(text, source, { planId: `${SEED_ID}-x200` }), 200), {
      force: true,
    });
  }
  const server = await startServer(db, { port: 0, host: '127.0.0.1' });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const verdict = (value: number, target: number) => (value <= target ? 'met' : 'NOT met');

async function main() {
  const loadBefore = load();
  const external = process.env['EXPLORER_URL'];
  const service = external ? { url: external.replace(/\/$/, ''), close: async () => {} } : await ownService();
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  try {
    const bytes = firstGraphBytes();
    const plans = LARGE && !external ? [SEED_ID, `${SEED_ID}-x200`] : [SEED_ID];
    const rows: string[] = [];
    const verdicts: string[] = [];
    for (const plan of plans) {
      await once(browser, service.url, plan); // a first visit warms the server's caches, not the browser's
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await once(browser, service.url, plan));
      const m = (key: keyof Run) => median(runs.map((r) => r[key]));
      const first = m('firstGraph');
      const expand = m('expand');
      const searchToGraph = median(runs.map((r) => r.search + r.resultToGraph));
      rows.push(
        `| ${plan} | ${m('nodes')} | **${first.toFixed(0)}** (${m('firstRoundTrips')} request) | ${m('script').toFixed(0)} | ` +
          `${m('firstRequest').toFixed(0)} | ${m('layout').toFixed(0)} | ${searchToGraph.toFixed(0)} ` +
          `(${m('search').toFixed(0)} + ${m('resultToGraph').toFixed(0)}) | **${expand.toFixed(0)}** (${m('expandRoundTrips')} request) |`,
      );
      console.log(rows.at(-1));
      if (plan === SEED_ID) {
        verdicts.push(
          `- first graph ${first.toFixed(0)} ms against ≤ ${TARGETS.firstGraph} ms: **${verdict(first, TARGETS.firstGraph)}**`,
          `- expand → redrawn ${expand.toFixed(0)} ms against ≤ ${TARGETS.expand} ms: **${verdict(expand, TARGETS.expand)}**`,
        );
      }
    }
    const loadAfter = load();
    const busy = Math.max(...loadavg()) > 1;
    const out = [
      BEGIN,
      `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} cores, load average ` +
        `${loadBefore} before and ${loadAfter} after (\`uptime\`'s 1, 5 and 15 min), ${RUNS} runs after one ` +
        `warm-up, medians; ${external ? `against ${external}` : 'own embedded engine with the seed'}.` +
        (busy ? ' **The machine was not idle: read every time as an upper bound.**' : ''),
      '',
      `The first graph waits for ${bytes.files.length} files, ${(bytes.raw / 1024).toFixed(0)} KiB raw, ` +
        `${(bytes.gzip / 1024).toFixed(0)} KiB gzipped (${bytes.files.join(', ')}).`,
      '',
      '| plan | nodes first drawn | first graph ms | script runs at ms | first request ms | layout ms | search → graph ms (search + result → graph) | expand → redrawn ms |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      ...verdicts,
      END,
    ].join('\n');
    console.log(`\n${out}`);
    mkdirSync('bench/out', { recursive: true });
    writeFileSync('bench/out/explorer.md', `${out}\n`);
    const results = readFileSync(RESULTS, 'utf8');
    const at = results.indexOf(BEGIN);
    const to = results.indexOf(END);
    if (at >= 0 && to > at) {
      writeFileSync(RESULTS, `${results.slice(0, at)}${out}${results.slice(to + END.length)}`);
      console.log(`\n${RESULTS}: the explorer-bench block replaced`);
    } else console.log(`\n${RESULTS} has no explorer-bench block: the figures are in bench/out/explorer.md`);
  } finally {
    await browser.close();
    await service.close();
  }
}

await main();
