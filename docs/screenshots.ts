/**
 * The pictures in docs/images/, taken from the running service so they show what the seed has and
 * what the explorer draws today (a hand-made picture drifts from both):
 *
 *   PLAN_FILES=seeds/cast-2018-reform-key-tasks.txt npm start     # in one terminal
 *   npm run docs:images                                          # in another
 *
 * EXPLORER_URL (default http://127.0.0.1:$PORT, PORT 4000) names the service; CHROMIUM the browser
 * (default Debian's /usr/bin/chromium). Every node in a picture must belong to the seed or be a
 * department or concept it names: a picture that shows another plan's node is refused, with what
 * to do, rather than written.
 */
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const BASE = process.env['EXPLORER_URL'] ?? `http://127.0.0.1:${process.env['PORT'] ?? 4000}`;
const IMAGES = new URL('./images/', import.meta.url).pathname;
const SEED_ID = 'cast-2018';

interface Hooks {
  nodeIds(): string[];
  position(id: string): { x: number; y: number };
}

const idle = (page: Page) =>
  page.waitForFunction(
    () => document.body.dataset['busy'] === 'false' && document.body.dataset['nodes'],
    null,
    {
      timeout: 60_000,
    },
  );

/** Refuses a picture holding a node of another plan than the seed. */
async function onlySeed(page: Page, name: string): Promise<void> {
  const ids = await page.evaluate(() => (window as unknown as { explorer: Hooks }).explorer.nodeIds());
  const foreign = ids.filter(
    (id) =>
      !(
        id === SEED_ID ||
        id.startsWith(`${SEED_ID}/`) ||
        id.startsWith('dept/') ||
        id.startsWith('concept/')
      ),
  );
  if (foreign.length > 0) {
    throw new Error(
      `${name}: the picture would show ${foreign.join(', ')}, which the seed does not have; ` +
        'start the service with PLAN_FILES=seeds/cast-2018-reform-key-tasks.txt on a store holding only the seed',
    );
  }
}

async function shot(page: Page, name: string): Promise<void> {
  await onlySeed(page, name);
  await page.screenshot({ path: join(IMAGES, name) });
  console.log(`docs/images/${name}`);
}

async function main(): Promise<void> {
  const plans = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ plans { id } }' }),
  })
    .then((r) => r.json() as Promise<{ data?: { plans: { id: string }[] } }>)
    .catch(() => null);
  if (!plans?.data?.plans.some((p) => p.id === SEED_ID)) {
    throw new Error(`no service with the seed at ${BASE}: start it (npm start) or set EXPLORER_URL`);
  }
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const open = async (path: string) => {
      await page.goto(`${BASE}/explore/${path}`);
      await page.waitForFunction(() => document.body.dataset['busy'] === 'false');
    };

    await open(`?plan=${SEED_ID}&layout=tree`);
    await idle(page);
    await shot(page, 'explorer-overview.png');

    // Search 组人部, pick it, click task 6: the README's picture.
    await open(`?plan=${SEED_ID}`);
    await page.fill('#search', '组人部');
    await page.click('#search-form button[type="submit"]');
    await page.locator('#results button[data-id="dept/组人部"]').click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('node') === 'dept/组人部');
    await idle(page);
    const at = await page.evaluate(() =>
      (window as unknown as { explorer: Hooks }).explorer.position(`cast-2018/task-6`),
    );
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('node') === 'cast-2018/task-6');
    await idle(page);
    await page.locator('#panel blockquote.source').first().waitFor();
    await shot(page, 'explorer-graph.png');

    await open(`?plan=${SEED_ID}&node=concept/四服务&depth=2&layout=tree&hide=Section`);
    await idle(page);
    await page.locator('#panel .mention').first().waitFor();
    await shot(page, 'explorer-concept.png');

    await open(`?plan=${SEED_ID}&view=path&from=dept/组人部&to=cast-2018/goal-3`);
    await page.locator('#path-status', { hasText: 'shortest path' }).waitFor();
    await shot(page, 'explorer-path.png');

    await open(`?plan=${SEED_ID}&view=coverage`);
    await page.locator('#matrix-goals td[title^="Task 6 → Goal 1:"]').click();
    await page.locator('#panel .evidence mark').first().waitFor();
    await shot(page, 'explorer-coverage.png');
  } finally {
    await browser.close();
  }
}

await main();
