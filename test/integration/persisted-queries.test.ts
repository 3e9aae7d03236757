/**
 * Automatic persisted queries (Apollo's default) through the operation cache: a client that sends
 * only the document's SHA-256 hash is told PERSISTED_QUERY_NOT_FOUND, registers the document by
 * sending it with the hash, and from then on is answered from the hash alone — compiled once,
 * under the same key (Apollo's query hash is that SHA-256) whichever way the document came.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { DEFAULT_API_OPTIONS, type RunningServer, startServer } from '../../src/api/server.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';

const QUERY = 'query Goals($planId: ID!) { goals(planId: $planId) { number } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');

let db: Database;
let server: RunningServer;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  server = await startServer(db, { port: 0, host: '127.0.0.1', api: DEFAULT_API_OPTIONS });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

async function ask(body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ variables: { planId: 'cast-2018' }, ...body }),
  });
  return (await response.json()) as {
    data?: { goals: { number: number }[] };
    errors?: { message: string; extensions: { code: string } }[];
  };
}

describe('automatic persisted queries', () => {
  const persisted = { extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } };

  it('a hash the server has not seen: PERSISTED_QUERY_NOT_FOUND', async () => {
    const body = await ask(persisted);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((e) => [e.extensions.code, e.message])).toEqual([
      ['PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound'],
    ]);
  });

  it('registered with its text once, then answered from the hash alone', async () => {
    const plain = (await ask({ query: QUERY })).data!.goals.map((g) => g.number);
    expect(plain.length).toBeGreaterThan(0);
    const registered = await ask({ query: QUERY, ...persisted });
    expect(registered.data!.goals.map((g) => g.number)).toEqual(plain);
    expect((await ask(persisted)).data!.goals.map((g) => g.number)).toEqual(plain);
  });
});
