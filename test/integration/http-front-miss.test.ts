/**
 * A question the response cache does not answer (cache off, or a first ask) goes from the front
 * (src/api/http/front.ts) straight to Apollo (http/graphql.ts), not through Express. Express still
 * answers what the front does not read: a gzip body is one. So the same question sent plain and
 * sent gzipped takes the two paths, and both must answer alike, byte for byte and header by header:
 * successes, GraphQL errors, CORS for a listed and an unlisted Origin, and the trusted-documents
 * list (text, id, APQ hash, refusal).
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { DEFAULT_API_OPTIONS, type RunningServer, startServer } from '../../src/api/server.ts';
import { readTrustedDocuments, sha256 } from '../../src/api/operations/trusted.ts';
import { MANIFEST } from '../../docs/trusted-documents.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { raw, type RawAnswer } from '../hostile/support.ts';

const LISTED = '{ plans { id title complete stopsAtLine caveats } }';
const ORIGIN = 'http://localhost:5173';

let db: Database;
const statements: string[] = [];
let narrow: RunningServer;
let trusted: RunningServer;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  db.onQuery((event) => statements.push(event.name));
  [narrow, trusted] = await Promise.all([
    startServer(db, { port: 0, host: '127.0.0.1', api: { ...DEFAULT_API_OPTIONS, corsOrigins: [ORIGIN] } }),
    startServer(db, {
      port: 0,
      host: '127.0.0.1',
      api: { ...DEFAULT_API_OPTIONS, trustedDocuments: readTrustedDocuments(MANIFEST) },
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([narrow, trusted].map((s) => s.close()));
  await db.close();
});

/** The headers of an answer, without the one that changes by the second. */
const stable = (answer: RawAnswer) =>
  Object.fromEntries(Object.entries(answer.headers).filter(([n]) => n !== 'date'));
const errorOf = (answer: RawAnswer) =>
  (JSON.parse(answer.text) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]!;

/** The same JSON body sent as it is (the front answers) and gzipped (Express answers). */
async function bothWays(url: string, json: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(json);
  const base = { 'content-type': 'application/json', ...headers };
  statements.length = 0;
  const front = await raw(`${url}/graphql`, { headers: base, body: text });
  const ranByFront = [...statements];
  statements.length = 0;
  const express = await raw(`${url}/graphql`, {
    headers: { ...base, 'content-encoding': 'gzip' },
    body: gzipSync(text),
  });
  return { front, express, ranByFront, ranByExpress: [...statements] };
}

describe('a miss answered by Apollo without Express', () => {
  it('sends the status, bytes and headers the Express route sends, and runs the same statements', async () => {
    const { front, express, ranByFront, ranByExpress } = await bothWays(
      narrow.url,
      { query: '{ departments(planId: "cast-2018") { id } }' },
      { origin: ORIGIN },
    );
    expect(front.status).toBe(200);
    expect(front.text).toBe(express.text);
    expect(stable(front)).toEqual(stable(express));
    expect(ranByFront).toEqual(ranByExpress);
    expect(ranByFront.length).toBeGreaterThan(0);
    expect(front.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(front.headers['vary']).toBe('Origin');
    expect(front.headers['cache-control']).toBe('no-store');
    expect(Object.keys(stable(front)).sort()).toEqual([
      'access-control-allow-origin',
      'access-control-expose-headers',
      'cache-control',
      'connection',
      'content-length',
      'content-type',
      'keep-alive',
      'vary',
    ]);
  });

  it('an Origin not listed: no allow header, the same Vary, either way', async () => {
    const { front, express } = await bothWays(
      narrow.url,
      { query: '{ plans { id } }' },
      { origin: 'https://example.org' },
    );
    expect(stable(front)).toEqual(stable(express));
    expect(front.headers['access-control-allow-origin']).toBeUndefined();
    expect(front.headers['access-control-expose-headers']).toBe('content-disposition');
    expect(front.headers['vary']).toBe('Origin');
  });

  it('a GraphQL error: the same status, code and message either way, by media type', async () => {
    // A validation error is 200 in the legacy media type, 400 in the spec's (GraphQL over HTTP).
    const statuses = { 'application/json': 200, 'application/graphql-response+json': 400 };
    for (const [accept, status] of Object.entries(statuses)) {
      const { front, express } = await bothWays(narrow.url, { query: '{ plans { nope } }' }, { accept });
      expect(front.status).toBe(status);
      expect(express.status).toBe(status);
      expect(errorOf(front).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errorOf(front).message).toBe('Cannot query field "nope" on type "Plan".');
      expect(front.text).toBe(express.text);
      expect(stable(front)).toEqual(stable(express));
    }
  });
});

describe('trusted documents on a miss through the front', () => {
  it('a listed text runs, an unlisted one is refused with the same 400 either way', async () => {
    const listed = await bothWays(trusted.url, { query: LISTED });
    expect(listed.front.status).toBe(200);
    expect(JSON.parse(listed.front.text).data.plans[0].id).toBe('cast-2018');
    expect(listed.front.text).toBe(listed.express.text);

    const unlisted = await bothWays(trusted.url, { query: '{ plans { id } }' });
    expect(unlisted.front.status).toBe(400);
    expect(unlisted.ranByFront).toEqual([]);
    expect(errorOf(unlisted.front).extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(errorOf(unlisted.front).message).toContain(
      `found a document whose SHA-256 is ${sha256('{ plans { id } }')}`,
    );
    expect(unlisted.front.text).toBe(unlisted.express.text);
    expect(stable(unlisted.front)).toEqual(stable(unlisted.express));
  });

  it('an APQ hash of a listed document runs its text; an unknown hash is refused', async () => {
    const apq = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    const known = await bothWays(trusted.url, apq(sha256(LISTED)));
    expect(known.front.status).toBe(200);
    expect(JSON.parse(known.front.text).data.plans[0].id).toBe('cast-2018');
    expect(known.front.text).toBe(known.express.text);

    const unknown = await bothWays(trusted.url, apq('0'.repeat(64)));
    expect(unknown.front.status).toBe(400);
    expect(errorOf(unknown.front).extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(errorOf(unknown.front).message).toContain(`found the id "${'0'.repeat(64)}"`);
    expect(unknown.front.text).toBe(unknown.express.text);
  });
});
