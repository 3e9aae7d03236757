/**
 * The playground and the explorer in a real browser against a service started with
 * TRUSTED_DOCUMENTS=docs/trusted-documents.json: GraphiQL's introspection and its first tab run
 * exactly as the browser sends them, the explorer draws a path and opens the coverage view, and
 * not one of their requests is refused. (The pages are built by their own tests' set-up:
 * playground.test.ts and explorer.test.ts run before this file in the same suite.)
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTrustedDocuments } from '../../src/api/operations/trusted.ts';
import { DEFAULT_API_OPTIONS, startServer, type RunningServer } from '../../src/api/server.ts';
import { MANIFEST } from '../../docs/trusted-documents.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';

const BUILT = ['dist/playground/index.html', 'dist/explorer/index.html'].every((f) => existsSync(f));

describe.runIf(BUILT)('the playground and the explorer with only trusted documents allowed', () => {
  let api: RunningServer;
  let browser: Browser;
  /** Status of every /graphql answer the pages got. */
  const answers: { status: number; body: string }[] = [];

  beforeAll(async () => {
    const db = openTestDatabase();
    await emptyGraph(db);
    await loadFiles(db, SEED);
    api = await startServer(db, {
      port: 0,
      host: '127.0.0.1',
      api: { ...DEFAULT_API_OPTIONS, trustedDocuments: readTrustedDocuments(MANIFEST) },
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function open(path: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
    const page = await context.newPage();
    page.on('response', async (r) => {
      if (new URL(r.url()).pathname === '/graphql' && r.request().method() === 'POST') {
        answers.push({ status: r.status(), body: (await r.text()).slice(0, 200) });
      }
    });
    await page.goto(`${api.url}${path}`);
    return page;
  }

  it('the playground loads the schema and runs its first tab', async () => {
    const page = await open('/graphql');
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
    await page.getByRole('button', { name: /^Execute query/ }).click();
    await page.waitForFunction(() =>
      document.querySelector('.graphiql-response .view-lines')?.textContent?.includes('cast-2018'),
    );
    // The introspection query and the tab: both answered.
    await expect.poll(() => answers.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(answers.some((a) => a.body.includes('"__schema"'))).toBe(true);
    await page.context().close();
  });

  it('the explorer draws a path and opens the coverage view', async () => {
    const page = await open('/explore/?view=path');
    await page.waitForFunction(() => document.body.dataset['busy'] === 'false');
    await page.fill('#path-from', '组人部');
    await page.fill('#path-to', 'cast-2018/goal-3');
    await page.click('#path-go');
    await expect
      .poll(() => page.locator('#path-status').textContent(), { timeout: 30_000 })
      .toMatch(/1 shortest path\(s\), 2 hop\(s\)/);
    await page.goto(`${api.url}/explore/?view=coverage`);
    await page.locator('#matrix-goals').waitFor();
    expect(await page.locator('#matrix-goals tbody td.cell').count()).toBe(30);
    await page.context().close();
  });

  it('no request of either page was refused', () => {
    expect(answers.length).toBeGreaterThanOrEqual(5);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
  });
});
