/**
 * The graph explorer in a real browser (Debian's chromium through playwright-core), on the seed and
 * a second plan: search 组人部 draws its graph, a click expands it and shows the source quote, the
 * path view draws 组人部 → task 6 → goal 3, the coverage matrix has 3 × 10 cells, the compare view
 * draws exactly the pairs `compare` aligns, and no request leaves 127.0.0.1. The page's own timings
 * (User Timing entries) are printed, never asserted: timing belongs to bench/explorer.ts.
 *
 * Also CORS as a browser sees it: a page on a second origin reads the API, and a simple
 * cross-origin POST is still refused by Apollo's CSRF prevention.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/server.ts';
import { emptyGraph, loadFiles, openTestDatabase, SECOND_PLAN, SEED } from '../support/graph.ts';
import { ensureViteBuilt } from '../support/vite-build.ts';

/** The second plan `npm start` loads: a cut text (its source stops at line 25, in task 2). */
const CUT_PLAN = 'seeds/cast-2025-work-points.txt';
/** The hand-made pair the compare tests use (test/fixtures/plans/pair/README.md). */
const PAIR_A = 'test/fixtures/plans/pair/qinghe-2020-points.txt';
const PAIR_B = 'test/fixtures/plans/pair/qinghe-2021-points.txt';

interface Drawn {
  a: string;
  b: string;
  relation: string;
  score: number;
}
interface Hooks {
  alignmentEdges(): Drawn[];
  alignmentNodes(): { task: string; side: string; placement: string }[];
  alignmentLabel(a: string, b: string): string | null;
  alignmentPosition(id: string, b?: string): { x: number; y: number } | null;
  nodeIds(): string[];
  edgeIds(): string[];
  position(id: string): { x: number; y: number };
  overlaps(): { labels: number; overlapping: number };
  zoom(): number;
  metrics: {
    firstGraphMs: number;
    firstGraphRoundTrips: number;
    lastExpand: { ms: number; roundTrips: number; added: number };
    lastSearch: { ms: number; roundTrips: number };
    lastFocus: { ms: number; roundTrips: number };
  };
}
const hooks = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as { explorer: Hooks }).explorer;
    return { overlaps: h.overlaps(), zoom: h.zoom(), nodes: h.nodeIds().length, metrics: h.metrics };
  });

const idle = (page: Page) =>
  page.waitForFunction(() => document.body.dataset['busy'] === 'false' && document.body.dataset['nodes']);
const nodeIds = (page: Page) =>
  page.evaluate(() => (window as unknown as { explorer: Hooks }).explorer.nodeIds().sort());
/** The page's User Timing entries (src/api/explorer/perf.ts): a mark's time, a measure's duration. */
const timings = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntries()
        .filter((e) => e.name.startsWith('explorer:'))
        .map((e) => [e.name, Math.round(e.entryType === 'mark' ? e.startTime : e.duration)]),
    ),
  );

describe('the graph explorer', () => {
  let api: RunningServer;
  let browser: Browser;
  let otherOrigin: Server;
  let otherUrl: string;
  const requested: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureViteBuilt('explorer');
    const db = openTestDatabase();
    await emptyGraph(db);
    await loadFiles(db, SEED, SECOND_PLAN, CUT_PLAN, PAIR_A, PAIR_B);
    api = await startServer(db, { port: 0, host: '127.0.0.1' });
    // A second origin (another port): an empty page, like a notebook or a CodePen.
    otherOrigin = createServer((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>other</title>');
    });
    await new Promise<void>((resolve) => otherOrigin.listen(0, '127.0.0.1', resolve));
    otherUrl = `http://127.0.0.1:${(otherOrigin.address() as AddressInfo).port}`;
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
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    otherOrigin?.close();
  });

  async function open(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
    context.on('request', (r) => requested.push(r.url()));
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${api.url}${path}`);
    await page.waitForFunction(() => document.body.dataset['busy'] === 'false');
    return page;
  }

  it('search 组人部 draws its graph; a click expands it and the panel quotes the source', async () => {
    const page = await open('/explore/');
    await idle(page);
    expect(await page.title()).toBe('Plan graph — explorer');
    // Five plans loaded: the plan switcher shows.
    expect(await page.locator('#plan option').count()).toBe(5);

    await page.fill('#search', '组人部');
    await page.click('#search-form button[type="submit"]');
    await page.locator('#results button[data-id="dept/组人部"]').click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('node') === 'dept/组人部');
    await idle(page);
    // local-2019's 组人部 is its own issuer's unit (departments are scoped), not the seed's.
    expect(await nodeIds(page)).toEqual(['cast-2018/task-3', 'cast-2018/task-6', 'dept/组人部']);

    const at = await page.evaluate(() =>
      (window as unknown as { explorer: Hooks }).explorer.position('cast-2018/task-6'),
    );
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(
      () => (window as unknown as { explorer: Hooks }).explorer.nodeIds().length > 4,
    );
    await idle(page);
    const expanded = await nodeIds(page);
    expect(expanded).toEqual(
      expect.arrayContaining([
        'cast-2018/goal-1',
        'cast-2018/goal-3',
        'cast-2018/task-6/item-3',
        'concept/三性',
      ]),
    );
    const panel = page.locator('#panel');
    await expect
      .poll(() => panel.locator('h2').textContent(), { timeout: 20_000 })
      .toBe('强化基层基础,提升组织活力');
    expect(await panel.locator('blockquote.source mark').first().textContent()).toBe(
      '强化基层基础,提升组织活力',
    );
    expect(await panel.locator('blockquote.source').first().textContent()).toContain('line 64');
    expect(await panel.textContent()).toContain('组人部');
    expect(new URL(page.url()).searchParams.get('node')).toBe('cast-2018/task-6');
    // The expand was one HTTP request: the neighbourhood and the panel's details in one operation.
    const { metrics } = await hooks(page);
    expect(metrics.lastExpand.roundTrips).toBe(1);
    expect(metrics.lastFocus.roundTrips).toBe(1);
    // Read, never asserted: timing belongs to bench/explorer.ts, which reads the same entries.
    const t = await timings(page);
    console.log(
      `timings (ms): first graph ${t['explorer:first-graph']} after navigation (script ran at ${t['explorer:script']}), ` +
        `search ${t['explorer:search']} + result → graph ${t['explorer:result-to-graph']}, expand → redrawn ${t['explorer:expand']}`,
    );
    expect(Object.keys(t).sort()).toEqual(
      expect.arrayContaining([
        'explorer:expand',
        'explorer:first-graph',
        'explorer:result-to-graph',
        'explorer:script',
        'explorer:search',
      ]),
    );
    await page.context().close();
  });

  it('a link naming the plan draws its first graph after one request: the listing and the outline together', async () => {
    const page = await open('/explore/?plan=cast-2018');
    await idle(page);
    const { metrics, nodes } = await hooks(page);
    expect(metrics.firstGraphRoundTrips).toBe(1);
    expect(nodes).toBe(26);
    expect(await page.locator('#plan option').count()).toBe(5);
    // A link to a node: the node, its neighbourhood and the listing, one request too.
    const at = await open('/explore/?node=dept/组人部');
    await idle(at);
    expect((await hooks(at)).metrics.firstGraphRoundTrips).toBe(1);
    expect(await nodeIds(at)).toEqual(['cast-2018/task-3', 'cast-2018/task-6', 'dept/组人部']);
    await expect.poll(() => at.locator('#panel h2').textContent(), { timeout: 20_000 }).toBe('组人部');
    // A node that is not there: the listing alone, then the error where the graph would be.
    const missing = await open('/explore/?node=dept/no-such-unit');
    await expect
      .poll(() => missing.locator('#message').textContent(), { timeout: 20_000 })
      .toMatch(/^NOT_FOUND: /);
    expect(await missing.locator('#plan option').count()).toBe(5);
    for (const p of [page, at, missing]) await p.context().close();
  });

  it('the URL holds the state: a shared link reopens the same view', async () => {
    const page = await open('/explore/?node=concept/四服务&depth=2&layout=tree&hide=Section');
    await idle(page);
    const ids = await nodeIds(page);
    expect(ids).toContain('concept/四服务');
    expect(ids).toContain('cast-2018/goal-1');
    expect(ids.some((id) => /\/sec-/.test(id))).toBe(false);
    expect(await page.locator('#depth').inputValue()).toBe('2');
    expect(await page.locator('input[name="layout"][value="tree"]').isChecked()).toBe(true);
    await expect.poll(() => page.locator('#panel h2').textContent(), { timeout: 20_000 }).toBe('四服务');
    expect(await page.locator('#panel .mention mark').first().textContent()).toBe('四服务');
    await page.context().close();
  });

  it('the path view draws 组人部 → task 6 → goal 3', async () => {
    const page = await open('/explore/?view=path');
    await page.fill('#path-from', '组人部');
    await page.fill('#path-to', 'cast-2018/goal-3');
    await page.click('#path-go');
    await page.waitForFunction(() => document.body.dataset['busy'] === 'false', null, { timeout: 120_000 });
    // What went wrong, if anything did (an error goes to the message line).
    expect(await page.locator('#message').textContent()).toBe('');
    await expect
      .poll(() => page.locator('#path-status').textContent(), { timeout: 20_000 })
      .toMatch(/1 shortest path\(s\), 2 hop\(s\)/);
    expect(await nodeIds(page)).toEqual(['cast-2018/goal-3', 'cast-2018/task-6', 'dept/组人部']);
    expect(await page.locator('#path-status').textContent()).toContain(
      '组人部 → Task 6: 强化基层基础,提升组织活力 → Goal 3',
    );
    expect(new URL(page.url()).searchParams.get('from')).toBe('dept/组人部');
    await page.context().close();
  });

  it('the coverage view has 3 × 10 goal × task cells, each link opening its evidence', async () => {
    const page = await open('/explore/?view=coverage');
    await page
      .locator('#matrix-goals')
      .or(page.locator('#message:not(:empty)'))
      .waitFor({ timeout: 120_000 });
    // What went wrong, if anything did (an error goes to the message line).
    expect(await page.locator('#message').textContent()).toBe('');
    expect(await page.locator('#matrix-goals tbody tr').count()).toBe(3);
    expect(await page.locator('#matrix-goals tbody td.cell').count()).toBe(30);
    expect(await page.locator('#matrix-departments tbody tr').count()).toBeGreaterThan(0);
    await page.locator('#matrix-goals td[title^="Task 6 → Goal 1:"]').click();
    const panel = page.locator('#panel');
    await expect.poll(() => panel.locator('.basis').textContent(), { timeout: 20_000 }).toBe('CONCEPT');
    expect(await panel.locator('.score').textContent()).toBe('0.800');
    const marks = await panel.locator('.evidence mark').allTextContents();
    expect(marks).toEqual(['三性', '政治性先进性群众性']);
    await page.context().close();
  });

  it('a cut plan is marked: the banner names the line where it stops; coverage says it has no goals', async () => {
    const page = await open('/explore/?plan=cast-2025-points&view=coverage');
    const banner = page.locator('#caveat');
    await banner.waitFor();
    expect(await banner.getAttribute('data-stops-at')).toBe('25');
    expect(await banner.textContent()).toContain(
      'cast-2025-points is a cut text: its source stops at line 25 (in task 2) and nothing after that was read',
    );
    await page.locator('#no-goals').waitFor();
    expect(await page.locator('#no-goals').textContent()).toBe(
      'No goals were read in this plan: 2 task(s), no matrix to draw.',
    );
    expect(await page.locator('#matrix-goals').count()).toBe(0);
    expect(await page.locator('#plan option[value="cast-2025-points"]').textContent()).toContain(
      '— cut at line 25',
    );
    // The seed is complete: no banner there.
    await page.selectOption('#plan', 'cast-2018');
    await page.locator('#matrix-goals').waitFor();
    expect(await banner.isHidden()).toBe(true);
    // The start page says it too.
    const landing = await (await fetch(`${api.url}/`)).text();
    expect(landing).toContain('<strong class="cut">cut text</strong>');
    expect(landing).toContain('cast-2025-points is a cut text: its source stops at line 25 (in task 2)');
    await page.context().close();
  });

  it('coverage ranks the goals by count and by total score, at the threshold it prints', async () => {
    const page = await open('/explore/?view=coverage');
    await page.locator('#goal-ranking').waitFor();
    const rows = () =>
      page
        .locator('#goal-ranking tbody tr')
        .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
    expect(await page.locator('#goal-ranking caption').textContent()).toContain('score ≥ 0.00');
    expect(await rows()).toEqual([
      ['G1 优化职能体系', '4', '1', '2.48', '2'],
      ['G3 提升组织活力', '5', '2', '2.36', '1'],
      ['G2 推动创新发展', '9', '3', '5.84', '3'],
    ]);
    await page.context().close();
    const strict = await open('/explore/?view=coverage&min=0.5');
    await strict.locator('#goal-ranking').waitFor();
    expect(await strict.locator('#goal-ranking caption').textContent()).toContain('score ≥ 0.50');
    expect(await strict.locator('#goal-ranking tbody tr th').first().textContent()).toBe('G3 提升组织活力');
    await strict.context().close();
  });

  it('the tree runs in plan order: sections 一, 二, 三 and tasks 1…10 from top to bottom', async () => {
    const page = await open('/explore/?layout=tree');
    await idle(page);
    const ids = await nodeIds(page);
    const sections = ids
      .filter((id) => /^cast-2018\/sec-\d+$/.test(id))
      .sort((a, b) => Number(a.split('-').pop()) - Number(b.split('-').pop()));
    const tasks = Array.from({ length: 10 }, (_, i) => `cast-2018/task-${i + 1}`);
    expect(sections.length).toBeGreaterThanOrEqual(3);
    expect(ids).toEqual(expect.arrayContaining(tasks));
    const ys = (list: string[]) =>
      page.evaluate(
        (l) => l.map((id) => (window as unknown as { explorer: Hooks }).explorer.position(id).y),
        list,
      );
    for (const list of [sections, tasks]) {
      const y = await ys(list);
      expect(y, list.join(' ')).toEqual([...y].sort((a, b) => a - b));
    }
    await page.context().close();
  });

  it.each([1, 2, 3])('labels do not collide at depth %i (组人部, task 6)', async (depth) => {
    for (const path of [
      `/explore/?node=dept/组人部&depth=${depth}`,
      `/explore/?node=cast-2018/task-6&depth=${depth}`,
    ]) {
      const page = await open(path);
      await idle(page);
      const { overlaps, nodes, zoom } = await hooks(page);
      console.log(
        `overlap ${path}: ${overlaps.overlapping} of ${overlaps.labels} boxes, ${nodes} nodes, zoom ${zoom.toFixed(2)} (labels ${(13 * zoom).toFixed(1)} px)`,
      );
      // At most 40 nodes before "show more"; sub-items folded under their task.
      expect(nodes).toBeLessThanOrEqual(40);
      expect(overlaps.overlapping, path).toBeLessThanOrEqual(Math.ceil(overlaps.labels * 0.05));
      await page.context().close();
    }
  });

  it('the compare view puts two plans side by side and places nothing past a cut', async () => {
    const page = await open('/explore/?view=compare&a=cast-2018&b=cast-2025-points');
    await page.locator('#aligned').waitFor();
    const caveats = await page.locator('#compare p.caveat').allTextContents();
    expect(caveats[0]).toContain('cast-2025-points is a cut text: its source stops at line 25 (in task 2)');
    const aligned = await page.locator('#aligned tbody tr').count();
    expect(await page.locator('#only-a').count()).toBe(0);
    expect(await page.locator('#unread-b li').count()).toBe(10 - aligned);
    expect(await page.locator('#aligned td.rel').allTextContents()).toEqual(
      Array.from({ length: aligned }, () => expect.stringMatching(/^(SAME_AS|CONTINUES) \d\.\d\d$/)),
    );
    // Two complete plans: tasks only in one are said so, with a character diff for changed ones.
    await page.selectOption('#compare-b', 'local-2019');
    await page.click('#compare-go');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('b') === 'local-2019');
    await expect.poll(() => page.locator('#only-a li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('#compare p.caveat').allTextContents()).toEqual([
      'local-2019 has no goals (主要目标) in the text read: there is no coverage of goals to show, and no task can be said to serve one.',
    ]);
    await page.context().close();
  });

  /** What `compare` answers, asked by the test itself. */
  async function alignment(a: string, b: string) {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query ($a: ID!, $b: ID!) { compare(a: $a, b: $b) {
          aligned { a { id } b { id } score same } onlyInA { id } onlyInB { id } unreadInA { id } unreadInB { id } } }`,
        variables: { a, b },
      }),
    });
    const { data } = (await response.json()) as {
      data: {
        compare: {
          aligned: { a: { id: string }; b: { id: string }; score: number; same: boolean }[];
          onlyInA: { id: string }[];
          onlyInB: { id: string }[];
          unreadInA: { id: string }[];
          unreadInB: { id: string }[];
        };
      };
    };
    return data.compare;
  }
  const drawn = (page: Page) =>
    page.evaluate(() => {
      const h = (window as unknown as { explorer: Hooks }).explorer;
      return { edges: h.alignmentEdges(), nodes: h.alignmentNodes() };
    });
  const asDrawn = (c: Awaited<ReturnType<typeof alignment>>): Drawn[] =>
    c.aligned.map((p) => ({
      a: p.a.id,
      b: p.b.id,
      relation: p.same ? 'SAME_AS' : 'CONTINUES',
      score: p.score,
    }));

  it('the compare view draws the pair’s alignment: one edge per aligned pair, SAME_AS and CONTINUES apart', async () => {
    const [A, B] = ['qhskx-2020-points', 'qhskx-2021-points'];
    const page = await open(`/explore/?view=compare&a=${A}&b=${B}`);
    await page.locator('#compare-graph canvas').first().waitFor();
    await page.waitForFunction(() => document.body.dataset['busy'] === 'false');
    const api = await alignment(A, B);
    const { edges, nodes } = await drawn(page);
    // The pair's README: task 2 of 2020 is task 1 of 2021 word for word, tasks 1 and 3 go on changed.
    expect(edges).toEqual(asDrawn(api));
    expect(edges.map((e) => `${e.a} ${e.relation} ${e.b}`)).toEqual([
      `${A}/task-1 CONTINUES ${B}/task-2`,
      `${A}/task-2 SAME_AS ${B}/task-1`,
      `${A}/task-3 CONTINUES ${B}/task-3`,
    ]);
    // Every task of both plans is drawn, in its column; task 4 of each stands alone.
    expect(nodes.filter((n) => n.side === 'a').map((n) => [n.task, n.placement])).toEqual([
      [`${A}/task-1`, 'aligned'],
      [`${A}/task-2`, 'aligned'],
      [`${A}/task-3`, 'aligned'],
      [`${A}/task-4`, 'only'],
    ]);
    expect(nodes.filter((n) => n.side === 'b').map((n) => n.task)).toEqual(
      [1, 2, 3, 4].map((i) => `${B}/task-${i}`),
    );
    // Two complete plans: no caveat of a cut text, only that neither has goals.
    expect(await page.locator('#compare p.caveat').allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^${A} has no goals`)),
      expect.stringMatching(new RegExp(`^${B} has no goals`)),
    ]);
    // Hover an edge: its relation and score appear on it.
    const label = (a: string, b: string) =>
      page.evaluate(
        ([x, y]) => (window as unknown as { explorer: Hooks }).explorer.alignmentLabel(x!, y!),
        [a, b],
      );
    expect(await label(`${A}/task-3`, `${B}/task-3`)).toBe('');
    const middle = await page.evaluate(
      ([x, y]) => (window as unknown as { explorer: Hooks }).explorer.alignmentPosition(x!, y),
      [`${A}/task-3`, `${B}/task-3`],
    );
    await page.mouse.move(middle!.x, middle!.y);
    await expect.poll(() => label(`${A}/task-3`, `${B}/task-3`)).toBe('CONTINUES 0.51');
    // Click it: the pair in the panel, score, shared words and the changes.
    await page.mouse.click(middle!.x, middle!.y);
    const panel = page.locator('#panel');
    await expect.poll(() => panel.locator('.kind').textContent(), { timeout: 20_000 }).toBe('CONTINUES');
    expect(await panel.locator('.score').textContent()).toBe('0.510');
    expect(await panel.locator('.title-diff del').allTextContents()).toEqual(['网上', '技工作者之家']);
    expect(await panel.locator('.title-diff ins').allTextContents()).toEqual(['智慧', '协平台']);
    // Click a task: its source, as a click in the graph shows it.
    const task = await page.evaluate(
      (id) => (window as unknown as { explorer: Hooks }).explorer.alignmentPosition(id),
      `a:${A}/task-2`,
    );
    await page.mouse.click(task!.x, task!.y);
    await expect.poll(() => panel.locator('p.id').textContent(), { timeout: 20_000 }).toBe(`${A}/task-2`);
    expect(await panel.locator('blockquote.source mark').count()).toBe(1);
    const t = await timings(page);
    console.log(`timings (ms): compare asked → drawn ${t['explorer:compare']}`);
    await page.context().close();
  });

  it('the compare view of the seed and the cut plan draws only what was read, under the caveat', async () => {
    const [A, B] = ['cast-2018', 'cast-2025-points'];
    const page = await open(`/explore/?view=compare&a=${A}&b=${B}`);
    await page.locator('#compare-graph canvas').first().waitFor();
    await page.waitForFunction(() => document.body.dataset['busy'] === 'false');
    expect(await page.locator('#compare p.caveat').first().textContent()).toContain(
      'cast-2025-points is a cut text: its source stops at line 25 (in task 2)',
    );
    const api = await alignment(A, B);
    const { edges, nodes } = await drawn(page);
    expect(edges).toEqual(asDrawn(api));
    expect(edges.length).toBe(api.aligned.length);
    // The seed's 10 tasks: the aligned ones, the rest not placed (the cut plan stops before them), none "only in a".
    const left = nodes.filter((n) => n.side === 'a');
    expect(left.length).toBe(10);
    expect(left.filter((n) => n.placement === 'unread').map((n) => n.task)).toEqual(
      api.unreadInB.map((t) => t.id),
    );
    expect(left.filter((n) => n.placement === 'only')).toEqual([]);
    expect(api.unreadInB.length).toBe(10 - api.aligned.length);
    // The cut plan's column: its 2 tasks read.
    expect(nodes.filter((n) => n.side === 'b').length).toBe(2);
    // The seed and the other complete plan: the drawing follows the plans chosen.
    await page.selectOption('#compare-b', 'local-2019');
    await page.click('#compare-go');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('b') === 'local-2019');
    await page.locator('#compare p.caveat', { hasText: 'local-2019 has no goals' }).waitFor();
    await page.waitForFunction(() => document.body.dataset['busy'] === 'false');
    const other = await alignment(A, 'local-2019');
    const again = await drawn(page);
    expect(again.edges).toEqual(asDrawn(other));
    expect(again.nodes.filter((n) => n.side === 'a' && n.placement === 'only').map((n) => n.task)).toEqual(
      other.onlyInA.map((t) => t.id),
    );
    await page.context().close();
  });

  it('no request left 127.0.0.1 and no script error happened', () => {
    const offHost = requested.filter((u) => /^(https?|wss?):/.test(u) && new URL(u).hostname !== '127.0.0.1');
    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('a page on another origin reads the API (CORS); a simple POST is still refused (CSRF prevention)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(otherUrl);
    const result = await page.evaluate(async (apiUrl) => {
      const json = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ neighborhood(id: "dept/组人部") { cytoscape } }' }),
      }).then((r) => r.json());
      const exported = await fetch(`${apiUrl}/plans/cast-2018/graph.json`).then((r) => r.json());
      const simple = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: '{ plans { id } }' }),
      });
      return {
        nodes: json.data.neighborhood.cytoscape.nodes.length,
        exported: exported.elements.nodes.length > 100,
        simple: simple.status,
      };
    }, api.url);
    expect(result).toEqual({ nodes: 3, exported: true, simple: 400 });
    await context.close();
  });
});
