/**
 * The front of the HTTP server (src/api/http/front.ts), which answers a cached question before
 * Express: a hit sends the bytes and the headers the route sent for the same question, header by
 * header, with CORS for its own Origin; it still refuses what the route refuses (a Host the service
 * does not answer to, a charset it does not read, an unlisted document in trusted-documents mode,
 * a body over the limit), and a miss reaches Apollo with the body the front read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import {
  DEFAULT_API_OPTIONS,
  type ApiOptions,
  type RunningServer,
  startServer,
} from '../../src/api/server.ts';
import { readTrustedDocuments, sha256 } from '../../src/api/operations/trusted.ts';
import { MANIFEST } from '../../docs/trusted-documents.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { raw, type RawAnswer } from '../hostile/support.ts';

/** Long enough that every request of this file shares one version read. */
const WINDOW_MS = 600_000;
const CACHED: ApiOptions = { ...DEFAULT_API_OPTIONS, responseCache: true, responseCacheWindowMs: WINDOW_MS };
const LISTED = '{ plans { id title complete stopsAtLine caveats } }';
const UNLISTED = '{ plans { id } }';

type Answer = RawAnswer;

/** A POST to /graphql exactly as given: its Host, its chunks (a body given as an array is sent chunked). */
const send = (
  url: string,
  body: string | Buffer | Buffer[],
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Answer> => raw(`${url}/graphql`, { headers, body });

/** The headers of an answer, without the one that changes by the second. */
const stable = (answer: Answer) =>
  Object.fromEntries(Object.entries(answer.headers).filter(([n]) => n !== 'date'));
const errorOf = (answer: Answer) =>
  (JSON.parse(answer.text) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]!;
const codeOf = (answer: Answer) => errorOf(answer).extensions.code;

let db: Database;
const statements: string[] = [];
let open: RunningServer;
let narrow: RunningServer;
let trusted: RunningServer;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  db.onQuery((event) => statements.push(event.name));
  const start = (api: ApiOptions) => startServer(db, { port: 0, host: '127.0.0.1', api });
  [open, narrow, trusted] = await Promise.all([
    start(CACHED),
    start({ ...CACHED, corsOrigins: ['http://localhost:5173'] }),
    start({ ...CACHED, trustedDocuments: readTrustedDocuments(MANIFEST) }),
  ]);
});
afterAll(async () => {
  await Promise.all([open, narrow, trusted].map((s) => s.close()));
  await db.close();
});

/** Sends the same request twice: the first is answered by Apollo, the second by the front. */
async function twice(url: string, body: string, headers?: Record<string, string>) {
  statements.length = 0;
  const miss = await send(url, body, headers);
  const ranForMiss = [...statements];
  statements.length = 0;
  const hit = await send(url, body, headers);
  return { miss, hit, ranForMiss, ranForHit: [...statements] };
}

describe('a hit answered before Express', () => {
  it('sends the same status, bytes and headers as the answer Apollo sent, and runs no statement', async () => {
    const { miss, hit, ranForMiss, ranForHit } = await twice(
      open.url,
      JSON.stringify({ query: '{ tasks { id } }' }),
    );
    expect(ranForMiss).toContain('tasks-filtered');
    expect(ranForHit).toEqual([]);
    expect(miss.status).toBe(200);
    expect(JSON.parse(miss.text).data.tasks).toHaveLength(10);
    expect(hit.status).toBe(200);
    expect(hit.text).toBe(miss.text);
    expect(stable(hit)).toEqual(stable(miss));
    // What the route sends: Apollo's media type and cache policy, CORS; no ETag (no-store answers).
    expect(Object.keys(stable(hit)).sort()).toEqual([
      'access-control-allow-origin',
      'access-control-expose-headers',
      'cache-control',
      'connection',
      'content-length',
      'content-type',
      'keep-alive',
    ]);
  });

  it('keys by the Accept header: the spec media type is its own answer, with its own content type', async () => {
    const body = JSON.stringify({ query: '{ goals(planId: "cast-2018") { id } }' });
    const json = await twice(open.url, body);
    const spec = await twice(open.url, body, {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
    });
    expect(json.hit.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(spec.ranForMiss.length).toBeGreaterThan(0);
    expect(spec.ranForHit).toEqual([]);
    expect(spec.hit.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    expect(stable(spec.hit)).toEqual(stable(spec.miss));
  });

  it("gives each hit the CORS headers of its own Origin, with the list's Vary", async () => {
    const body = JSON.stringify({ query: '{ departments(planId: "cast-2018") { id } }' });
    const listed = { 'content-type': 'application/json', origin: 'http://localhost:5173' };
    const other = { 'content-type': 'application/json', origin: 'https://example.org' };
    const first = await twice(narrow.url, body, listed);
    expect(first.ranForHit).toEqual([]);
    expect(stable(first.hit)).toEqual(stable(first.miss));
    expect(first.hit.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(first.hit.headers['vary']).toBe('Origin');
    statements.length = 0;
    const fromOther = await send(narrow.url, body, other);
    expect(statements).toEqual([]);
    expect(fromOther.text).toBe(first.miss.text);
    expect(fromOther.headers['access-control-allow-origin']).toBeUndefined();
    expect(fromOther.headers['access-control-expose-headers']).toBe('content-disposition');
    expect(fromOther.headers['vary']).toBe('Origin');
  });

  it('reads a chunked body as one with a length', async () => {
    const body = JSON.stringify({ query: '{ plans { id title } }' });
    const { miss } = await twice(open.url, body);
    statements.length = 0;
    const chunked = await send(open.url, [Buffer.from(body.slice(0, 7)), Buffer.from(body.slice(7))]);
    expect(statements).toEqual([]);
    expect(chunked.text).toBe(miss.text);
  });
});

describe('what a hit still refuses', () => {
  const body = JSON.stringify({ query: '{ plans { id } }' });

  it('a Host the service does not answer to: 403, though the question is cached', async () => {
    const { hit } = await twice(open.url, body);
    expect(hit.status).toBe(200);
    const rebound = await send(open.url, body, {
      'content-type': 'application/json',
      host: 'evil.example:80',
    });
    expect(rebound.status).toBe(403);
    expect(codeOf(rebound)).toBe('BAD_REQUEST');
    expect(errorOf(rebound).message).toBe(
      'The Host header names "evil.example", which this service does not answer to; ' +
        'add it to ALLOWED_HOSTS if it is one of its names.',
    );
  });

  it('the same bytes in a charset the service does not read: 415', async () => {
    const latin1 = await send(open.url, body, { 'content-type': 'application/json; charset=latin1' });
    expect(latin1.status).toBe(415);
    expect(errorOf(latin1).message).toBe(
      'The request body must be UTF-8, UTF-16 or UTF-32 JSON; its charset is "latin1".',
    );
  });

  it('trusted documents: a listed document is answered from the cache, an unlisted one never', async () => {
    const listed = await twice(trusted.url, JSON.stringify({ query: LISTED }));
    expect(listed.hit.status).toBe(200);
    expect(listed.ranForHit).toEqual([]);
    for (let i = 0; i < 2; i += 1) {
      const refused = await send(trusted.url, body);
      expect(refused.status).toBe(400);
      expect(codeOf(refused)).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      expect(errorOf(refused).message).toContain(`found a document whose SHA-256 is ${sha256(UNLISTED)}`);
    }
  });
});

describe('bodies the front reads and Express answers, in the words body-parser gives', () => {
  const over = `{"query":"{ plans { id } } #${'x'.repeat(210_000)}"}`;
  const cases: [string, string | Buffer[], number, string][] = [
    ['malformed JSON', '{"query": "{ plans { id } }"', 400, 'must be a JSON object'],
    ['the JSON null', 'null', 400, 'must be a JSON object'],
    ['the JSON number 42', '42', 400, 'must be a JSON object'],
    ['a body over 200 KB with its length', over, 413, 'may have at most 204800 bytes; it has 210030'],
    [
      'a body over 200 KB in chunks',
      [Buffer.from(over.slice(0, 1000)), Buffer.from(over.slice(1000))],
      413,
      'may have at most 204800 bytes',
    ],
  ];
  it.each(cases)('%s', async (_name, sent, status, message) => {
    const answer = await send(open.url, sent);
    expect(answer.status, answer.text).toBe(status);
    expect(codeOf(answer)).toBe('BAD_REQUEST');
    expect(errorOf(answer).message).toContain(message);
    // The connection is still usable: the next request is answered.
    expect((await send(open.url, body())).status).toBe(200);
  });

  it('a byte-order mark before the JSON is read, as body-parser reads it', async () => {
    const answer = await send(
      open.url,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body())]),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ data: { plans: [{ id: 'cast-2018' }] } });
  });
});

function body(): string {
  return JSON.stringify({ query: '{ plans { id } }' });
}
