import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { startServer } from '../../src/api/server.ts';
import { DEFAULT_API_OPTIONS } from '../../src/api/server.ts';
import { emptyGraph, loadFiles, openTestDatabase, SECOND_PLAN, SEED } from '../support/graph.ts';

/** A replica: its own driver and its own server with the response cache on. */
async function replica() {
  const db = openTestDatabase();
  const server = await startServer(db, {
    port: 0,
    host: '127.0.0.1',
    api: { ...DEFAULT_API_OPTIONS, responseCache: true },
  });
  const statements: string[] = [];
  db.onQuery((event) => statements.push(event.name));
  const ask = async (query: string) => {
    statements.length = 0;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
    return { status: response.status, ...body, statements: [...statements] };
  };
  return { db, server, ask };
}

// Ids only: the listing statement (cypher/plans-listing), which leaves the plans' texts in the graph.
const PLANS = '{ plans { id } }';
const TASK_COUNT = '{ tasks { id } }';

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

describe('the version-keyed response cache, two replicas on one graph', () => {
  it('answers a repeated question from the cache after one read of the graph version', async () => {
    const first = await a.ask(TASK_COUNT);
    expect(first.data!['tasks']).toHaveLength(10);
    expect(first.statements).toContain('tasks-filtered');
    const again = await a.ask(TASK_COUNT);
    expect(again.data).toEqual(first.data);
    expect(again.statements).toEqual(['graph-version']);
  });

  it('after a load completes, both replicas answer with the new data at once', async () => {
    for (const r of [a, b]) {
      await r.ask(PLANS);
      expect((await r.ask(PLANS)).statements).toEqual(['graph-version']);
      expect((await r.ask(PLANS)).data!['plans']).toEqual([{ id: 'cast-2018' }]);
    }
    await loadFiles(writer, SECOND_PLAN);
    for (const r of [a, b]) {
      const after = await r.ask(PLANS);
      expect(after.data!['plans'].map((p: { id: string }) => p.id).sort()).toEqual([
        'cast-2018',
        'local-2019',
      ]);
      expect(after.statements).toContain('plans-listing');
      expect((await r.ask(TASK_COUNT)).data!['tasks'].length).toBeGreaterThan(10);
    }
  });

  it('a forced reload of the same plan is a new version too', async () => {
    await a.ask(PLANS);
    expect((await a.ask(PLANS)).statements).toEqual(['graph-version']);
    await loadFiles(writer, SEED);
    expect((await a.ask(PLANS)).statements).toEqual(['graph-version', 'plans-listing']);
  });

  it('never caches an answer with errors', async () => {
    const query = '{ task(planId: "cast-2018", number: 99) { id } }';
    const first = await a.ask(query);
    expect(first.errors).toHaveLength(1);
    const again = await a.ask(query);
    expect(again.errors).toHaveLength(1);
    expect(again.statements.length).toBeGreaterThan(1);
  });
});
