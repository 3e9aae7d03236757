/**
 * The offline playground in a real browser (Debian's chromium through playwright-core): the page
 * a browser gets from GET /graphql opens one tab per docs/queries example, every one of them within
 * the window, runs the first one against the API, offers the result's ids in the graph explorer,
 * and never reaches past 127.0.0.1.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_BUILT, playgroundRouter } from '../../src/api/playground/serve.ts';
import { startServer, type RunningServer } from '../../src/api/server.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { ensureViteBuilt } from '../support/vite-build.ts';

const REPO = new URL('../../', import.meta.url).pathname;
const EXAMPLES = join(REPO, 'docs/queries');
const SCREENSHOT = '/tmp/playground.png';

/** The real API over the suite's engine, with the seed loaded. */
async function startApi(): Promise<RunningServer> {
  const db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  return startServer(db, { port: 0, host: '127.0.0.1' });
}

async function listen(app: express.Express): Promise<{ url: string; server: Server }> {
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

/** Each example's operation name (what its tab shows) and first comment line (its question). */
function exampleTitles(): { name: string; question: string }[] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(EXAMPLES, f), 'utf8');
      const comment = text
        .split('\n')
        .map((line) => /^\s*#\s*(.*?)\s*$/.exec(line)?.[1])
        .find(Boolean);
      const name = /^query (\w+)/m.exec(text)?.[1];
      expect(name, `${f} names its operation`).toBeDefined();
      return { name: name!, question: comment ?? f };
    });
}

/** The first plan's title, asked directly (JSON POST, as CSRF prevention requires). */
async function planTitle(url: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ plans { title } }' }),
  });
  const { data } = (await res.json()) as { data: { plans: { title: string }[] } };
  return data.plans[0]!.title;
}

/** Status, headers and the byte count on the wire (undecoded), for one GET. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; bytes: number; body: string }>(
    (resolve, reject) => {
      httpRequest(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            bytes: body.length,
            body: body.toString(),
          });
        });
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('the GraphQL playground', () => {
  let api: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureViteBuilt('playground', ['docs/queries']);
    api = await startApi();
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
  });

  it('opens on the examples from GET /graphql, runs the first and stays on 127.0.0.1', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const requested: string[] = [];
    const pageErrors: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${api.url}/graphql`);
    expect(await page.title()).toBe('Plan graph — GraphQL playground');
    await page.locator('.graphiql-query-editor .monaco-editor').waitFor();

    const titles = exampleTitles();
    const tabs = page.locator('[id^="graphiql-session-tab-"]');
    await page.waitForFunction(
      (first) => document.getElementById('graphiql-session-tab-0')?.title === first,
      titles[0]!.question,
    );
    expect(await tabs.allTextContents()).toEqual(titles.map((t) => t.name));
    // Every example reachable and legible: all tabs inside the window, each showing its whole
    // name (cut text, an ellipsis, is wider than the box showing it), its question as tooltip.
    const cutTabs = () =>
      tabs.evaluateAll((all) =>
        all
          .flatMap((tab) => [tab, ...Array.from(tab.querySelectorAll('*'))])
          .filter((e) => e.scrollWidth > e.clientWidth)
          .map((e) => e.textContent),
      );
    expect(await cutTabs()).toEqual([]);
    for (let i = 0; i < titles.length; i += 1) {
      const { name, question } = titles[i]!;
      const box = await tabs.nth(i).boundingBox();
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(1440);
      expect(await tabs.nth(i).getAttribute('title'), name).toBe(question);
    }
    // The explorer is linked from the playground.
    expect(await page.locator('#open-explorer').getAttribute('href')).toBe('/explore/');

    // The first example lists the plans: its result shows the first plan's title.
    const firstPlanTitle = await planTitle(api.url);
    await page.getByRole('button', { name: /^Execute query/ }).click();
    await page.waitForFunction(
      (title) => document.querySelector('.graphiql-response .view-lines')?.textContent?.includes(title),
      firstPlanTitle,
    );

    // The result's node ids open in the graph explorer.
    await page.getByRole('button', { name: 'Show Open in explorer' }).click();
    await page.locator('.node-links a[href="/explore/?node=cast-2018"]').waitFor();

    const explorer = page.getByRole('button', { name: 'Show GraphiQL Explorer' });
    expect(await explorer.count()).toBe(1);
    await explorer.click();
    await page.locator('.graphiql-explorer-root').waitFor();
    // With a side panel open the bar is narrower: the tabs scroll, their names stay whole.
    expect(await cutTabs()).toEqual([]);
    await page.screenshot({ path: SCREENSHOT });

    const offHost = requested.filter((u) => /^(https?|wss?):/.test(u) && new URL(u).hostname !== '127.0.0.1');
    expect(offHost).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('sends assets precompressed with a year-long cache', async () => {
    const html = (await rawGet(`${api.url}/playground/`)).body;
    const assets = [...html.matchAll(/(?:src|href)="(\/playground\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const br = await rawGet(`${api.url}${asset}`, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.status).toBe(200);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers['vary']).toBe('Accept-Encoding');
      const gz = await rawGet(`${api.url}${asset}`, { 'accept-encoding': 'gzip' });
      const plain = await rawGet(`${api.url}${asset}`);
      expect(plain.headers['content-encoding']).toBeUndefined();
      if (plain.bytes >= 1024) {
        expect(br.headers['content-encoding']).toBe('br');
        expect(gz.headers['content-encoding']).toBe('gzip');
        expect(br.bytes).toBeLessThan(plain.bytes);
      }
    }
  });

  it('answers 503 with an instruction when the playground is not built', async () => {
    const app = express().use('/playground', playgroundRouter({ dir: join(REPO, 'no-such-build') }));
    const { url, server } = await listen(app);
    try {
      const res = await rawGet(`${url}/playground/`);
      expect(res.status).toBe(503);
      expect(res.body).toBe(NOT_BUILT);
    } finally {
      server.close();
    }
  });
});
