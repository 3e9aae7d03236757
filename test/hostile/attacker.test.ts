/**
 * Requests an attacker sent that the earlier suites did not contain: each answered with an exact
 * code and status, before the work it asks for, and the service answers /health afterwards.
 * (The availability under load of the same requests is bench/hostile/availability.ts.)
 */
import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.ts';
import { loadCatalog } from '../../src/db/catalog.ts';
import { MEANING_TYPES } from '../../src/graph/meaning.ts';
import { DEFAULT_API_OPTIONS, startServer } from '../../src/api/server.ts';
import { WORK_PER_UNIT } from '../../src/api/limits/work.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { testDatabaseName } from '../support/neo4j.ts';
import { startTestServer } from '../support/server.ts';
import { expectAlive, expectCodedError, raw } from './support.ts';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  server = await startTestServer(db);
});
afterEach(async () => {
  await expectAlive(server.url);
});
afterAll(async () => {
  await server.close();
  await db.close();
});

const post = (body: string, headers: Record<string, string> = {}, url = `${server.url}/graphql`) =>
  raw(url, { body, headers: { 'content-type': 'application/json', ...headers } });
const query = (q: string, extensions?: unknown) =>
  post(JSON.stringify(extensions === undefined ? { query: q } : { query: q, extensions }));
const port = () => new URL(server.url).port;

describe('the Host header (DNS rebinding)', () => {
  it('a name the service is not known by is refused 403 before any route', async () => {
    const answer = await post('{"query":"{ plans { id } }"}', { host: `rebind.example.org:${port()}` });
    expect(expectCodedError(answer, 403, 'BAD_REQUEST').message).toBe(
      'The Host header names "rebind.example.org", which this service does not answer to; add it to ALLOWED_HOSTS if it is one of its names.',
    );
    const health = await raw(`${server.url}/health`, {
      method: 'GET',
      headers: { host: 'rebind.example.org' },
    });
    expect(health.status).toBe(403);
  });

  it('localhost, 127.0.0.1 and [::1] with any port are answered', async () => {
    for (const host of [`localhost:${port()}`, `127.0.0.1:${port()}`, `[::1]:${port()}`, 'LOCALHOST']) {
      const answer = await post('{"query":"{ plans { id } }"}', { host });
      expect(answer.status, host).toBe(200);
    }
  });
});

describe('charsets, methods', () => {
  it('charset=utf-7 is refused 415; utf-16 and utf-8 are read', async () => {
    const body = '{"query":"{ plans { id } }"}';
    const seven = await post(body, { 'content-type': 'application/json; charset=utf-7' });
    expect(expectCodedError(seven, 415, 'BAD_REQUEST').message).toBe(
      'The request body must be UTF-8, UTF-16 or UTF-32 JSON; its charset is "utf-7".',
    );
    const sixteen = await raw(`${server.url}/graphql`, {
      body: Buffer.from(body, 'utf16le'),
      headers: { 'content-type': 'application/json; charset=utf-16le' },
    });
    expect(JSON.parse(sixteen.text)).toEqual({ data: { plans: [{ id: 'cast-2018' }] } });
    const eight = await post(body, { 'content-type': 'application/json; charset=UTF-8' });
    expect(eight.status).toBe(200);
  });

  it('POST to an export URL is 405 with Allow, not 404', async () => {
    for (const path of ['/plans/cast-2018/graph.graphml', '/plans/graph.json']) {
      const answer = await raw(`${server.url}${path}`, { method: 'POST', body: '' });
      expect(expectCodedError(answer, 405, 'BAD_REQUEST').message).toBe(
        `POST is not allowed on "${path}": exports are read with GET.`,
      );
      expect(answer.headers['allow']).toBe('GET, HEAD, OPTIONS');
    }
  });
});

describe('search highlighting', () => {
  it('a repeated term marks each match once, never nested', async () => {
    const once = await server.gql(`{ search(query: "服务") { id snippet } }`);
    const thrice = await server.gql(`{ search(query: "服务 服务 服务") { id snippet } }`);
    expect(thrice.data).toEqual(once.data);
    const snippets = (thrice.data as { search: { snippet: string }[] }).search.map((h) => h.snippet);
    expect(snippets.length).toBeGreaterThan(0);
    for (const s of snippets) {
      expect(s).not.toMatch(/【[^】]*【/);
      expect(s).toContain('【服务】');
    }
  });
});

describe('offsets and page sizes of nested lists', () => {
  const cases = [
    'departments { tasks(first: 500, offset: 2147483647) { id } }',
    'departments { goals(offset: 2147483647) { id } }',
    'concepts { elementIds(offset: 2147483647) }',
    'concepts { tasks(first: 500, offset: 10000001) { id } }',
    'tasksServingNoGoal(offset: 2147483647) { id }',
  ];
  for (const selection of cases) {
    it(`${selection} is BAD_USER_INPUT naming offset`, async () => {
      const answer = await query(`{ coverage(planId: "cast-2018") { ${selection} } }`);
      const body = JSON.parse(answer.text) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors[0]!.message).toMatch(
        /^Argument "offset": expected an integer from 0 to 10000000, found (2147483647|10000001)$/,
      );
    });
  }

  it('first over 500 inside a row is BAD_USER_INPUT naming first', async () => {
    const answer = await query(
      `{ coverage(planId: "cast-2018") { departments { tasks(first: 501) { id } } } }`,
    );
    const body = JSON.parse(answer.text) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.message).toBe('Argument "first": expected an integer from 0 to 500, found 501');
  });
});

describe("Apollo's persisted queries", () => {
  const q = '{ plans { id } }';
  const sha = createHash('sha256').update(q).digest('hex');

  it('a hash that is not the query’s is BAD_USER_INPUT', async () => {
    const answer = await query(q, { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } });
    expect(expectCodedError(answer, 400, 'BAD_USER_INPUT').message).toMatch(
      /^extensions\.persistedQuery\.sha256Hash is not/,
    );
  });

  it('version 2 and a string persistedQuery are BAD_USER_INPUT', async () => {
    for (const persistedQuery of [{ version: 2, sha256Hash: sha }, 'abc']) {
      const answer = await query(q, { persistedQuery });
      expect(expectCodedError(answer, 400, 'BAD_USER_INPUT').message).toMatch(
        /^extensions\.persistedQuery must be an object \{"version": 1/,
      );
    }
  });

  it('an unknown hash without a query is PERSISTED_QUERY_NOT_FOUND; the right one works', async () => {
    const unknown = await post(
      JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
    );
    expectCodedError(unknown, 200, 'PERSISTED_QUERY_NOT_FOUND');
    const stored = await query(q, { persistedQuery: { version: 1, sha256Hash: sha } });
    expect(JSON.parse(stored.text)).toEqual({ data: { plans: [{ id: 'cast-2018' }] } });
  });
});

describe('a database login that fails', () => {
  it('is DATABASE_UNAVAILABLE with a log line naming the user, for GraphQL and exports', async () => {
    const { uri } = inject('neo4j');
    // A user nobody has: the lock-out that three wrong passwords cause falls on this name only.
    const wrong = neo4j.driver(uri, neo4j.auth.basic('nobody_reader', 'not-the-password'));
    const locked = new Database(wrong, testDatabaseName(), loadCatalog(), { readDriver: wrong });
    const lines: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => lines.push(args.map(String).join(' '));
    const api = await startServer(locked, {
      port: 0,
      host: '127.0.0.1',
      api: { ...DEFAULT_API_OPTIONS, databaseUser: 'nobody_reader' },
    });
    try {
      for (let i = 0; i < 4; i++) {
        const answer = await raw(`${api.url}/graphql`, {
          body: '{"query":"{ plans { id } }"}',
          headers: { 'content-type': 'application/json' },
        });
        const body = JSON.parse(answer.text) as {
          errors: { message: string; extensions: { code: string } }[];
        };
        expect(body.errors.map((e) => e.extensions.code)).toEqual(['DATABASE_UNAVAILABLE']);
      }
      const exported = await fetch(`${api.url}/plans/cast-2018/graph.graphml`);
      expect(exported.status).toBe(503);
      expect(((await exported.json()) as { code: string }).code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      console.error = original;
      await api.close();
      await wrong.close();
    }
    expect(lines.some((l) => l.includes('Neo4j refused the login of user "nobody_reader"'))).toBe(true);
  });
});

describe('cost by work', () => {
  it('prices path by its length and relationship types, and refuses over the limit before any work', async () => {
    const counts = await db.read<{ type: string; count: number }>('count-all-relationships');
    const meaning = counts.filter((c) => MEANING_TYPES.includes(c.type)).reduce((n, c) => n + c.count, 0);
    const work = Math.ceil((8 * 2 * meaning) / WORK_PER_UNIT);
    const strict = await startServer(db, {
      port: 0,
      host: '127.0.0.1',
      api: { ...DEFAULT_API_OPTIONS, maxCost: work * 3 },
    });
    try {
      const aliases = (n: number) =>
        Array.from(
          { length: n },
          (_, i) => `p${i}: path(from: "dept/组人部", to: "concept/四服务", maxLength: 8) { length }`,
        ).join(' ');
      const before = db.roundTrips;
      const refused = await raw(`${strict.url}/graphql`, {
        body: JSON.stringify({ query: `{ ${aliases(4)} }` }),
        headers: { 'content-type': 'application/json' },
      });
      const error = expectCodedError(refused, 400, 'TOO_EXPENSIVE') as {
        message: string;
        extensions: Record<string, number>;
      };
      expect(error.extensions['work']).toBe(4 * work);
      expect(error.message).toMatch(
        new RegExp(
          `^Operation too expensive: its price is \\d+: up to \\d+ values in its answer and ${4 * work} for the work it may do`,
        ),
      );
      expect(error.message).toContain(`the limit is ${work * 3}.`);
      // Refused before any work: the only reads are the graph's counts (not counted).
      expect(db.roundTrips).toBe(before);
      const allowed = await raw(`${strict.url}/graphql`, {
        body: JSON.stringify({ query: `{ ${aliases(2)} }` }),
        headers: { 'content-type': 'application/json' },
      });
      expect(allowed.status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('prices compare by the product of the two plans’ task counts', async () => {
    const strict = await startServer(db, {
      port: 0,
      host: '127.0.0.1',
      api: { ...DEFAULT_API_OPTIONS, maxCost: 10 },
    });
    try {
      const answer = await raw(`${strict.url}/graphql`, {
        body: JSON.stringify({ query: '{ compare(a: "cast-2018", b: "cast-2018") { threshold } }' }),
        headers: { 'content-type': 'application/json' },
      });
      const error = expectCodedError(answer, 400, 'TOO_EXPENSIVE') as unknown as {
        extensions: Record<string, number>;
      };
      // The seed has 10 tasks: 10 × 10 pairs + 10 + 10 tasks read, per 10.
      expect(error.extensions['work']).toBe(12);
    } finally {
      await strict.close();
    }
  });
});

describe('paths by meaning, ends by name', () => {
  it('a far pair within a short maxLength is an empty list', async () => {
    const { data } = await server.gql(
      '{ path(from: "dept/组人部", to: "concept/四服务", maxLength: 1, types: ["MENTIONS"]) { length } }',
    );
    // How fast: bench/hostile/availability.ts (timing belongs in bench/).
    expect(data).toEqual({ path: [] });
  });

  it('follows meaning by default, and structure only when asked', async () => {
    const q = (args: string) =>
      server.gql<{ path: { edges: { type: string }[] }[] }>(
        `{ path(from: "concept/四服务", to: "cast-2018/goal-2"${args}) { length edges { type } } }`,
      );
    const meaning = await q('');
    const types = new Set(meaning.data!.path.flatMap((p) => p.edges.map((e) => e.type)));
    expect([...types].every((t) => MEANING_TYPES.includes(t))).toBe(true);
    const structure = await q(', structure: true');
    expect(structure.data!.path.length).toBeGreaterThan(0);
    expect(structure.data!.path[0]!.edges.length).toBeLessThanOrEqual(
      meaning.data!.path[0]?.edges.length ?? 8,
    );
  });

  it('takes a name for an end, with the same answer as the id', async () => {
    const fields = '{ length nodes { id } edges { type source target } }';
    const byId = await server.gql(`{ path(from: "dept/组人部", to: "cast-2018/goal-3") ${fields} }`);
    const byName = await server.gql(`{ path(from: "组人部", to: "cast-2018/goal-3") ${fields} }`);
    expect(byName).toEqual(byId);
    expect((byId.data as { path: unknown[] }).path.length).toBeGreaterThan(0);
    const around = await server.gql('{ neighborhood(id: "四服务") { nodes { id } } }');
    expect(around.errors).toBeUndefined();
    expect((around.data as { neighborhood: { nodes: { id: string }[] } }).neighborhood.nodes[0]!.id).toBe(
      'concept/四服务',
    );
  });

  it('a name that matches nothing is NOT_FOUND with the nearest ids', async () => {
    const answer = await server.gql('{ path(from: "组人", to: "cast-2018/goal-3") { length } }');
    expect(answer.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(answer.errors![0]!.message).toMatch(/^from not found: "组人"; did you mean "dept\/组人部"/);
    const sub = await server.gql('{ subgraph(ids: ["cast-2018/task-4", "四服物"]) { nodes { id } } }');
    expect(sub.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(sub.errors![0]!.message).toMatch(/^ids not found: "四服物"; did you mean "concept\/四服务"/);
  });
});

describe('fair admission', () => {
  it('a client over its share gets 429 SERVICE_BUSY with Retry-After; /ready reports the load', async () => {
    const busy = await startServer(db, {
      port: 0,
      host: '127.0.0.1',
      api: {
        ...DEFAULT_API_OPTIONS,
        admission: { perClient: 1, light: 4, heavy: 1, heavyPrice: 2_000, maxWaitMs: 0, queuePerClient: 8 },
      },
    });
    try {
      const answers = await Promise.all(
        Array.from({ length: 6 }, () =>
          raw(`${busy.url}/graphql`, {
            body: JSON.stringify({ query: '{ plans { id tasks { id title } } }' }),
            headers: { 'content-type': 'application/json' },
          }),
        ),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses[0]).toBe(200);
      const refused = answers.filter((a) => a.status === 429);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) {
        expect(expectCodedError(r, 429, 'SERVICE_BUSY').message).toBe(
          'The service is busy: no slot came free within 0 ms. Try again in 1 s.',
        );
        expect(r.headers['retry-after']).toBe('1');
      }
      // Once the burst is over, ready again (and nothing more).
      const ready = await fetch(`${busy.url}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    } finally {
      await busy.close();
    }
  });

  it('more exports than allowed at once get 429 with Retry-After', async () => {
    const narrow = await startServer(db, {
      port: 0,
      host: '127.0.0.1',
      api: {
        ...DEFAULT_API_OPTIONS,
        exports: { maxConcurrent: 1, timeoutMs: 60_000 },
      },
    });
    try {
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => raw(`${narrow.url}/plans/graph.graphml`, { method: 'GET' })),
      );
      const busy = answers.filter((a) => a.status === 429);
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
      expect(busy.length).toBeGreaterThan(0);
      for (const b of busy) {
        expect(JSON.parse(b.text)).toEqual({
          code: 'SERVICE_BUSY',
          message: '1 exports are already streaming; try again in 5 s.',
        });
        expect(b.headers['retry-after']).toBe('5');
      }
    } finally {
      await narrow.close();
    }
  });
});
