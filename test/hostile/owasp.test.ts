/**
 * The OWASP GraphQL cheat sheet's attacks, and amplification through the back-edges
 * (Task.plan → Plan.tasks): each is refused with a code before it costs anything, or answered
 * within its budget, and the service keeps answering /health meanwhile. Nothing is written.
 */
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { withDeadline } from '../../src/db/deadline.ts';
import { startServer } from '../../src/api/server.ts';
import { DEFAULT_API_OPTIONS } from '../../src/api/server.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { startTestServer } from '../support/server.ts';
import { expectAlive, expectCodedError, graphSnapshot, raw } from './support.ts';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
let graphBefore: string;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  server = await startTestServer(db);
  graphBefore = await graphSnapshot(db);
});
afterEach(async () => {
  await expectAlive(server.url);
});
afterAll(async () => {
  expect(await graphSnapshot(db)).toBe(graphBefore);
  await server.close();
  await db.close();
});

const post = (body: string, headers: Record<string, string> = {}, url = server.url) =>
  raw(`${url}/graphql`, { body, headers: { 'content-type': 'application/json', ...headers } });
const query = (q: string, url = server.url) => post(JSON.stringify({ query: q }), {}, url);

/** The query of the report: 20 aliases of plans → tasks → plan → tasks … depth 11, 2 KB. */
export const AMPLIFICATION = `{ ${Array.from(
  { length: 20 },
  (_, i) =>
    `a${i}: plans { tasks { plan { tasks { plan { tasks { plan { tasks { plan { tasks { id } } } } } } } } } }`,
).join(' ')} }`;

describe('amplification through back-edges', () => {
  it('the 2 KB query that answered 57 MB is refused as TOO_EXPENSIVE before any resolver runs', async () => {
    const reads: string[] = [];
    const stop = db.onQuery((e) => reads.push(e.name));
    const started = Date.now();
    const answer = await query(AMPLIFICATION);
    stop();
    expect(Date.now() - started).toBeLessThan(5_000);
    const error = expectCodedError(answer, 400, 'TOO_EXPENSIVE') as { message: string; extensions?: unknown };
    expect(error.message).toMatch(
      /^Operation too expensive: its answer could hold up to \d+ values, the limit is 50000\. Ask for fewer nested lists, aliases or smaller pages\.$/,
    );
    // Not one read for it (the graph's counts, at most every 30 s, are not the client's).
    expect(reads).toEqual([]);
  });

  it('/health answers at once while six of them arrive together', async () => {
    const attacks = Array.from({ length: 6 }, () => query(AMPLIFICATION));
    const started = Date.now();
    await expectAlive(server.url);
    expect(Date.now() - started).toBeLessThan(2_000);
    for (const answer of await Promise.all(attacks)) expectCodedError(answer, 400, 'TOO_EXPENSIVE');
  });

  it('one turn of the back-edge is priced by the list sizes and answered', async () => {
    const answer = await query('{ plans { tasks { plan { id } } } }');
    const body = JSON.parse(answer.text) as { data: { plans: { tasks: unknown[] }[] } };
    expect(body.data.plans[0]!.tasks).toHaveLength(10);
  });

  it('a variable page size counts too: first: $n is priced with its value', async () => {
    const q =
      'query($n: Int) { concepts(first: $n) { nodes { mentionedIn(first: $n) { nodes { element { id } } } } } }';
    const big = await post(JSON.stringify({ query: q, variables: { n: 500 } }));
    expectCodedError(big, 400, 'TOO_EXPENSIVE');
    const small = await post(JSON.stringify({ query: q, variables: { n: 5 } }));
    expect(JSON.parse(small.text).errors).toBeUndefined();
  });
});

describe('OWASP GraphQL cheat sheet', () => {
  it('depth: 13 levels is GRAPHQL_VALIDATION_FAILED', async () => {
    const nested = Array.from({ length: 6 }).reduce<string>(
      (inner) => `subItems { task { ${inner} } }`,
      'id',
    );
    const answer = await query(`{ tasks { ${nested} } }`);
    expect(expectCodedError(answer, 200, 'GRAPHQL_VALIDATION_FAILED').message).toMatch(/depth/i);
  });

  it('aliases: 21 of them is GRAPHQL_VALIDATION_FAILED', async () => {
    const answer = await query(
      `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: plans { id }`).join(' ')} }`,
    );
    expect(expectCodedError(answer, 200, 'GRAPHQL_VALIDATION_FAILED').message).toMatch(/alias/i);
  });

  it('directives: 50 on one field is GRAPHQL_VALIDATION_FAILED', async () => {
    const answer = await query(`{ __typename ${'@include(if: true) '.repeat(50)} }`);
    expect(expectCodedError(answer, 200, 'GRAPHQL_VALIDATION_FAILED').message).toMatch(/directive/i);
  });

  it('fragment cycles are GRAPHQL_VALIDATION_FAILED', async () => {
    const answer = await query(
      'query { plans { ...A } } fragment A on Plan { tasks { plan { ...B } } } fragment B on Plan { ...A }',
    );
    expect(expectCodedError(answer, 200, 'GRAPHQL_VALIDATION_FAILED').message).toBe(
      'Cannot spread fragment "A" within itself via "B".',
    );
  });

  it('batching: an array of operations is refused', async () => {
    const one = JSON.stringify({ query: '{ plans { id } }' });
    const answer = await post(`[${Array.from({ length: 100 }, () => one).join(',')}]`);
    expect(expectCodedError(answer, 400, 'BAD_REQUEST').message).toBe('Operation batching disabled.');
  });

  it('introspection is bounded by the depth limit, and off when GRAPHQL_INTROSPECTION=false', async () => {
    const deep =
      '{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } }';
    expect(expectCodedError(await query(deep), 200, 'GRAPHQL_VALIDATION_FAILED').message).toMatch(/depth/i);
    const closed = await startServer(db, {
      port: 0,
      host: '127.0.0.1',
      api: { ...DEFAULT_API_OPTIONS, introspection: false },
    });
    try {
      const answer = await query('{ __schema { types { name } } }', closed.url);
      expect(expectCodedError(answer, 200, 'GRAPHQL_VALIDATION_FAILED').message).toMatch(/introspection/i);
      // No "Did you mean …?" either: the schema's names stay unsaid.
      const typo = await query('{ plan { titel } }', closed.url);
      expect(expectCodedError(typo, 200, 'GRAPHQL_VALIDATION_FAILED').message).not.toMatch(/Did you mean/);
    } finally {
      await closed.close();
    }
  });

  it('a huge string literal is refused by the argument check, not carried to the database', async () => {
    const answer = await query(`{ search(query: "${'科'.repeat(60_000)}") { id } }`);
    const body = JSON.parse(answer.text) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('CSRF: a simple request (text/plain, form) is refused; a JSON one is not', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const answer = await raw(`${server.url}/graphql`, {
        body: '{"query":"{ plans { id } }"}',
        headers: { 'content-type': type },
      });
      expect(answer.status, type).toBeGreaterThanOrEqual(400);
      expect(answer.status, type).toBeLessThan(500);
      expect(answer.text).not.toMatch(/cast-2018/);
    }
  });

  it('a slow body is cut off within the receive timeout (10 s), holding nothing', async () => {
    const { port } = new URL(server.url);
    const started = Date.now();
    const closedAfter = await new Promise<{ ms: number; text: string }>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"que',
        );
      });
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve({ ms: Date.now() - started, text }));
      socket.on('error', reject);
    });
    expect(closedAfter.ms).toBeLessThan(14_000);
    expect(closedAfter.ms).toBeGreaterThanOrEqual(9_000);
    expect(closedAfter.text).toMatch(/^HTTP\/1\.1 408/);
  }, 30_000);
});

describe('time budget', () => {
  it('a read started after the request deadline fails with TIMEOUT without reaching Neo4j', async () => {
    const before = db.roundTrips;
    await expect(withDeadline(Date.now() - 1, () => db.read('plans-all'))).rejects.toMatchObject({
      name: 'DatabaseError',
      code: 'TIMEOUT',
    });
    expect(db.roundTrips).toBe(before);
  });

  it('a request over its budget answers REQUEST_TIMEOUT, and the next one is served', async () => {
    const hurried = await startServer(db, {
      port: 0,
      host: '127.0.0.1',
      api: { ...DEFAULT_API_OPTIONS, requestTimeoutMs: 1 },
    });
    try {
      // Body, parse, validation and a few round trips: more than 1 ms on any machine.
      const answer = await query('{ plans { tasks { subItems { id } } } }', hurried.url);
      const body = JSON.parse(answer.text) as {
        errors?: { message: string; extensions: { code: string } }[];
      };
      expect(body.errors?.[0]?.extensions.code, answer.text).toBe('REQUEST_TIMEOUT');
      expect(body.errors?.[0]?.message).toMatch(/time budget/);
      expect(JSON.parse((await query('{ plans { id } }')).text)).toEqual({
        data: { plans: [{ id: 'cast-2018' }] },
      });
    } finally {
      await hurried.close();
    }
  });
});
