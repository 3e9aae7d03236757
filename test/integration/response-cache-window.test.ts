/**
 * The response cache with a version window (the service's default, RESPONSE_CACHE): two
 * replicas, each its own driver and server, on one graph. A hit inside the window runs no
 * statement at all; a load through one replica is seen by that replica at once (its own commit
 * drops the shared version) and by the other once the window has passed — the consistency
 * contract docs/configuration.md states.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { DEFAULT_API_OPTIONS, startServer } from '../../src/api/server.ts';
import { emptyGraph, loadFiles, openTestDatabase, SECOND_PLAN, SEED } from '../support/graph.ts';

/** Long enough that the requests made inside it are surely inside it on a busy machine. */
const WINDOW_MS = 4_000;

async function replica() {
  const db = openTestDatabase();
  const server = await startServer(db, {
    port: 0,
    host: '127.0.0.1',
    api: { ...DEFAULT_API_OPTIONS, responseCache: true, responseCacheWindowMs: WINDOW_MS },
  });
  const statements: string[] = [];
  db.onQuery((event) => statements.push(event.name));
  const plans = async () => {
    statements.length = 0;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ plans { id } }' }),
    });
    const body = (await response.json()) as { data: { plans: { id: string }[] } };
    return { ids: body.data.plans.map((p) => p.id).sort(), statements: [...statements] };
  };
  return { db, server, plans };
}

let writer: Database;
let a: Awaited<ReturnType<typeof replica>>;
let b: Awaited<ReturnType<typeof replica>>;

beforeAll(async () => {
  writer = openTestDatabase();
  await emptyGraph(writer);
  await loadFiles(writer, SEED);
  [a, b] = await Promise.all([replica(), replica()]);
});
afterAll(async () => {
  for (const r of [a, b]) {
    await r.server.close();
    await r.db.close();
  }
  await writer.close();
});

describe('the response cache with a version window, two replicas on one graph', () => {
  it('a repeated question inside the window runs no statement, not even the version read', async () => {
    const first = await b.plans();
    expect(first.ids).toEqual(['cast-2018']);
    expect(first.statements).toEqual(['graph-version', 'plans-listing']);
    const again = await b.plans();
    expect(again).toEqual({ ids: ['cast-2018'], statements: [] });
  });

  it('once the window has passed, the next request reads the version again (and finds it unchanged)', async () => {
    await sleep(WINDOW_MS + 50);
    expect(await b.plans()).toEqual({ ids: ['cast-2018'], statements: ['graph-version'] });
  });

  it('a load through one replica: that one answers the new graph at once, the other within the window', async () => {
    // b's window starts now (its last read is older than the window).
    await sleep(WINDOW_MS + 50);
    await a.plans();
    const windowStart = Date.now();
    expect((await b.plans()).statements).toEqual(['graph-version']);
    const windowStartedBy = Date.now();
    // Loaded through replica a's own database door: its commit drops a's shared version.
    await loadFiles(a.db, SECOND_PLAN);
    const seenByA = await a.plans();
    expect(seenByA.ids).toEqual(['cast-2018', 'local-2019']);
    expect(seenByA.statements).toEqual(['graph-version', 'plans-listing']);
    // b shares the version it read before the load for the rest of its window: the old answer,
    // from its cache, with no statement (unless the machine was slow enough to pass the window).
    const early = await b.plans();
    if (Date.now() - windowStart < WINDOW_MS) expect(early).toEqual({ ids: ['cast-2018'], statements: [] });
    // Once the window has passed, b reads the version again and answers the new graph.
    await sleep(Math.max(0, windowStartedBy + WINDOW_MS - Date.now()) + 50);
    const late = await b.plans();
    expect(late.ids).toEqual(['cast-2018', 'local-2019']);
    // b computed the new answer once: in `late`, or already in `early` when the machine was too
    // slow to ask inside the window (`late` is then a hit of the new window).
    expect([...early.statements, ...late.statements].filter((n) => n === 'plans-listing')).toEqual([
      'plans-listing',
    ]);
  });

  it('a load by another process (no replica wrote it) reaches both within the window', async () => {
    await a.plans();
    await b.plans();
    // A forced reload of the seed: the same plans, a new version.
    await loadFiles(writer, SEED);
    await sleep(WINDOW_MS + 50);
    for (const r of [a, b]) {
      const after = await r.plans();
      // The version read found a new version: the cached answer was not used.
      expect(after.statements).toEqual(['graph-version', 'plans-listing']);
      expect(after.ids).toEqual(['cast-2018', 'local-2019']);
    }
  });
});
