/**
 * CORS for the read API and the exports: preflights answered (Apollo alone answered them 400), any
 * origin by default without credentials, only the listed ones under CORS_ORIGINS; Apollo's CSRF
 * prevention still refuses a simple POST.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_API_OPTIONS, startServer, type RunningServer } from '../../src/api/server.ts';
import type { Database } from '../../src/db/database.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';

let db: Database;
let open: RunningServer;
let narrow: RunningServer;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  open = await startServer(db, { port: 0, host: '127.0.0.1' });
  narrow = await startServer(db, {
    port: 0,
    host: '127.0.0.1',
    api: { ...DEFAULT_API_OPTIONS, corsOrigins: ['http://localhost:5173'] },
  });
});
afterAll(async () => {
  await open.close();
  await narrow.close();
  await db.close();
});

const preflight = (url: string, origin: string) =>
  fetch(`${url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });

describe('CORS', () => {
  it('answers a preflight from any origin by default, without credentials', async () => {
    const response = await preflight(open.url, 'https://observablehq.com');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,HEAD,POST,OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets another origin read a JSON POST and an export', async () => {
    const answer = await fetch(`${open.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'null', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ plans { id } }' }),
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(await answer.json()).toEqual({ data: { plans: [{ id: 'cast-2018' }] } });
    const exported = await fetch(`${open.url}/plans/cast-2018/graph.json`, { headers: { origin: 'null' } });
    expect(exported.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('keeps CSRF prevention: a simple text/plain POST is refused with 400', async () => {
    const answer = await fetch(`${open.url}/graphql`, {
      method: 'POST',
      headers: { origin: 'https://example.org', 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ plans { id } }' }),
    });
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('CSRF');
  });

  it('with CORS_ORIGINS, allows the listed origin and no other', async () => {
    const listed = await preflight(narrow.url, 'http://localhost:5173');
    expect(listed.status).toBe(204);
    expect(listed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const other = await preflight(narrow.url, 'https://example.org');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
