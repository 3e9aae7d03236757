import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { closeSeededServer, openSeededServer, type SeededServer } from '../support/seeded.ts';

let db: Database;
let server: SeededServer['server'];

beforeAll(async () => {
  ({ db, server } = await openSeededServer());
});
afterAll(() => closeSeededServer({ db, server }));

describe('the landing page at /', () => {
  it('lists the loaded plan with its counts and links to the playground, the exports, health and the docs', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<code>cast-2018</code>');
    expect(html).toContain('2018年科协系统深化改革重点任务<br><small>中国科协办公厅, 2018-04-13</small>');
    expect(html).toContain('3 goals, 10 tasks, 48 sub-items');
    for (const href of [
      '/graphql',
      '/plans/cast-2018/graph.graphml',
      '/plans/cast-2018/graph.json',
      '/health',
      '/ready',
      '/docs/api.md',
      '/docs/questions.md',
      '/docs/configuration.md',
      '/explore/',
    ]) {
      expect(html).toContain(`href="${href}"`);
    }
  });

  it('every link it shows answers 200', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    for (const href of hrefs) {
      const response = await fetch(`${server.url}${href}`, { headers: { accept: 'text/html' } });
      expect(response.status, href).toBe(200);
      await response.arrayBuffer();
    }
  });

  it('serves the docs as Markdown source on ?raw or Accept: text/markdown, and nothing else from the folder or above it', async () => {
    const api = await fetch(`${server.url}/docs/api.md?raw`);
    expect(api.status).toBe(200);
    expect(api.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const source = await api.text();
    expect(source.split('\n')[0]).toBe('# The API guide');
    const asked = await fetch(`${server.url}/docs/api.md`, { headers: { accept: 'text/markdown' } });
    expect(asked.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await asked.text()).toBe(source);
    for (const path of ['/docs/examples.ts', '/docs/..%2FREADME.md', '/docs/queries', '/docs/nothing.md']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
  });

  it('renders a doc as HTML with markdown-it, under the page headers, its links to other docs answering', async () => {
    const response = await fetch(`${server.url}/docs/api.md`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).toContain('<title>The API guide · plan-graph</title>');
    expect(html).toContain('<h1 id="the-api-guide">The API guide</h1>');
    expect(html).toContain('<code>SearchType</code>');
    expect(html).toMatch(/<table>\n<thead>/);
    expect(html).not.toMatch(/^#+ /m);
    // Relative links (questions.md, model.md#…) resolve under /docs/ and each answers as a page.
    const links = [...html.matchAll(/href="([a-z0-9-]+\.md)(#[^"]*)?"/g)].map((m) => m[1]!);
    expect(links).toContain('questions.md');
    for (const link of new Set(links)) {
      const page = await fetch(new URL(link, `${server.url}/docs/api.md`));
      expect(page.status, link).toBe(200);
      expect(page.headers.get('content-type'), link).toBe('text/html; charset=utf-8');
      await page.arrayBuffer();
    }
  });

  it('gives headings GitHub ids, so in-page links land, and serves the images the docs show', async () => {
    const html = await (await fetch(`${server.url}/docs/plans.md`)).text();
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets).toContain('departments-across-plans');
    for (const target of targets) expect(html, target).toContain(`id="${target}"`);
    const explorer = await (await fetch(`${server.url}/docs/explorer.md`)).text();
    const images = [...explorer.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
    expect(images).toContain('images/explorer-graph.png');
    for (const src of images) {
      const image = await fetch(new URL(src, `${server.url}/docs/explorer.md`));
      expect(image.status, src).toBe(200);
      expect(image.headers.get('content-type'), src).toBe('image/png');
      await image.arrayBuffer();
    }
  });
});
