/**
 * The explorer over a library (Debian's chromium through playwright-core): from 20 plans on, a
 * "Find a plan" box beside the plan list offers every plan by id with its title, and picking one
 * switches to it as the list would — the list, the URL, the graph and the cut-text / no-goals
 * banner follow. The listing comes from the narrow `plans` statement (cypher/plans-listing), so the
 * banner's words over the cut plan also check that its warnings and goals reach Plan.caveats.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLibrary, type GeneratedPlan } from '../../bench/library/generate.ts';
import type { Database } from '../../src/db/database.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { ensureViteBuilt } from '../support/vite-build.ts';
import { runLoadCli } from '../support/load-cli.ts';
import { startTestServer } from '../support/server.ts';

/** The explorer shows its finder from 20 plans on (src/api/explorer/main.ts PLAN_FINDER_FROM). */
const PLANS = 24;
/** The second plan `npm start` loads: a cut text (its source stops at line 25, in task 2), with no goals read. */
const CUT_PLAN = 'seeds/cast-2025-work-points.txt';
const CUT_PLAN_ID = 'cast-2025-points';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;
let folder: string;
let plans: GeneratedPlan[];
const pageErrors: string[] = [];

beforeAll(async () => {
  await ensureViteBuilt('explorer');
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED, CUT_PLAN);
  folder = join(mkdtempSync(join(tmpdir(), 'plan-graph-finder-')), 'library');
  plans = generateLibrary({ n: PLANS, seed: 'finder-test', out: folder, corpus: 'test/fixtures' });
  const { code, stderr } = await runLoadCli(['--jobs', '2', folder]);
  expect(code, stderr).toBe(0);
  server = await startTestServer(db);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
  rmSync(join(folder, '..'), { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(() => document.body.dataset['busy'] === 'false');
  return page;
}

const idle = (page: Page) =>
  page.waitForFunction(() => document.body.dataset['busy'] === 'false' && document.body.dataset['nodes']);
const drawnIds = (page: Page) =>
  page.evaluate(() => (window as unknown as { explorer: { nodeIds(): string[] } }).explorer.nodeIds());

/** Types into the finder and commits it (Enter), as a reader picking a suggestion does. */
async function find(page: Page, text: string): Promise<void> {
  await page.locator('#plan-find').fill(text);
  await page.locator('#plan-find').press('Enter');
}

describe('the explorer with 26 plans: "Find a plan"', () => {
  it('offers every plan by id, titled, and picking one switches the list, the URL and the graph to it', async () => {
    const ids = ['cast-2018', CUT_PLAN_ID, ...plans.map((p) => p.planId)].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    const titles = await server.gql<{ plans: { id: string; title: string }[] }>('{ plans { id title } }');
    const page = await open('/explore/?plan=cast-2018');
    await idle(page);
    expect(await page.locator('#plan-find').isVisible()).toBe(true);
    expect(await page.locator('#plan-find').getAttribute('placeholder')).toBe('Find a plan: id or title');
    const offered = await page
      .locator('#plan-options option')
      .evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, (o as HTMLOptionElement).label]));
    expect(offered).toEqual(titles.data!.plans.map((p) => [p.id, p.title]));
    expect(offered.map(([id]) => id)).toEqual(ids);

    const target = plans.find((p) => p.tasks > 0)!.planId;
    await find(page, target);
    await expect.poll(() => page.locator('#plan').inputValue(), { timeout: 30_000 }).toBe(target);
    await idle(page);
    expect(await page.locator('#plan-find').inputValue()).toBe('');
    expect(new URL(page.url()).searchParams.get('plan')).toBe(target);
    await expect
      .poll(async () => (await drawnIds(page)).some((id) => id.startsWith(`${target}/`)), { timeout: 30_000 })
      .toBe(true);
    expect((await drawnIds(page)).some((id) => id.startsWith('cast-2018/'))).toBe(false);
    await page.context().close();
  });

  it('a text that is no plan id changes nothing', async () => {
    const page = await open('/explore/?plan=cast-2018');
    await idle(page);
    await find(page, '2018年科协系统');
    await find(page, 'no-such-plan');
    expect(await page.locator('#plan').inputValue()).toBe('cast-2018');
    expect(new URL(page.url()).searchParams.get('plan')).toBe('cast-2018');
    await page.context().close();
  });

  it('the banner follows the plan found: none over the seed, the cut plan’s line and its missing goals over it', async () => {
    const page = await open('/explore/?plan=cast-2018');
    await idle(page);
    expect(await page.locator('#caveat').isHidden()).toBe(true);
    await find(page, CUT_PLAN_ID);
    await expect.poll(() => page.locator('#plan').inputValue(), { timeout: 30_000 }).toBe(CUT_PLAN_ID);
    await expect
      .poll(() => page.locator('#caveat p').allTextContents(), { timeout: 30_000 })
      .toEqual([
        `${CUT_PLAN_ID} is a cut text: its source stops at line 25 (in task 2) and nothing after that was read; ` +
          'counts, coverage and comparisons cover only the part read.',
        `${CUT_PLAN_ID} has no goals (主要目标) in the text read: there is no coverage of goals to show, ` +
          'and no task can be said to serve one.',
      ]);
    expect(await page.locator('#caveat').getAttribute('data-stops-at')).toBe('25');
    await page.context().close();
  });

  it('no script error happened', () => {
    expect(pageErrors).toEqual([]);
  });
});
