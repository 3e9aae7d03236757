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

  it('serves the docs as text, and nothing else from the folder or above it', async () => {
    const api = await fetch(`${server.url}/docs/api.md`);
    expect(api.status).toBe(200);
    expect(api.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect((await api.text()).split('\n')[0]).toBe('# The API guide');
    for (const path of ['/docs/examples.ts', '/docs/..%2FREADME.md', '/docs/queries', '/docs/nothing.md']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
  });
});
