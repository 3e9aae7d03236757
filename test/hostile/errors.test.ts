/**
 * Spec-correct errors: whatever a client sends, the answer is JSON with a code a program can act
 * on and a message a person can, with the HTTP status graphql-http's audits ask for, never a
 * stack or a path, and never INTERNAL_SERVER_ERROR. The service answers /health afterwards and
 * the graph is unchanged.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { startTestServer } from '../support/server.ts';
import { expectAlive, expectCodedError, expectNoLeak, graphSnapshot, raw } from './support.ts';

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

const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
  raw(`${server.url}/graphql`, { body, headers: { 'content-type': 'application/json', ...headers } });
const query = (q: string, accept?: string) => post(JSON.stringify({ query: q }), accept ? { accept } : {});

describe('documents that do not parse', () => {
  it('a syntax error is 200 for application/json and 400 for application/graphql-response+json', async () => {
    const json = await query('{ plans { id }');
    expect(expectCodedError(json, 200, 'GRAPHQL_PARSE_FAILED').message).toBe(
      'Syntax Error: Expected Name, found <EOF>.',
    );
    const spec = await query('{ plans { id }', 'application/graphql-response+json');
    expectCodedError(spec, 400, 'GRAPHQL_PARSE_FAILED');
  });

  it('a document over 2000 tokens is refused by the parser, not after it', async () => {
    const answer = await query(`{ ${'__typename '.repeat(2_100)} }`);
    expect(expectCodedError(answer, 200, 'GRAPHQL_PARSE_FAILED').message).toBe(
      // graphql-js's own words, "that" included.
      'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
    );
  });

  it('a list literal nested 5000 deep is a parse error, not a stack overflow', async () => {
    const deep = `{ search(query: "x", types: ${'['.repeat(5_000)}Task${']'.repeat(5_000)}) { id } }`;
    const answer = await query(deep);
    expect(expectCodedError(answer, 200, 'GRAPHQL_PARSE_FAILED').message).toBe(
      'Syntax Error: the document nests lists, objects or selections too deeply to be read.',
    );
  });
});

describe('bodies that are not a GraphQL request', () => {
  const cases: [string, () => Promise<Awaited<ReturnType<typeof raw>>>, number, RegExp][] = [
    ['malformed JSON', () => post('{"query": "{ plans { id } }"'), 400, /must be a JSON object/],
    ['the JSON null', () => post('null'), 400, /must be a JSON object/],
    ['the JSON number 42', () => post('42'), 400, /must be a JSON object/],
    [
      'a body over 200 KB',
      () => post(JSON.stringify({ query: `{ plans { id } } #${'x'.repeat(210_000)}` })),
      413,
      /at most 204800 bytes/,
    ],
    [
      'charset=latin1',
      () => post('{"query":"{ plans { id } }"}', { 'content-type': 'application/json; charset=latin1' }),
      415,
      /must be UTF-8, UTF-16 or UTF-32 JSON; its charset is "latin1"/,
    ],
    [
      'charset=utf-16 with bytes that are not UTF-16',
      () => post(Buffer.from([0x7b, 0x22, 0xd8]), { 'content-type': 'application/json; charset=utf-16' }),
      400,
      /must be a JSON object/,
    ],
    [
      'a bogus content-encoding',
      () => post('{"query":"{ plans { id } }"}', { 'content-encoding': 'bogus' }),
      415,
      /its content-encoding is "bogus"/,
    ],
    [
      'gzip that is not gzip',
      () => post('{"query":"{ plans { id } }"}', { 'content-encoding': 'gzip' }),
      400,
      /./,
    ],
  ];
  it.each(cases)('%s: a JSON error with a code, no stack, no path', async (_name, send, status, message) => {
    const answer = await send();
    expect(expectCodedError(answer, status, 'BAD_REQUEST').message).toMatch(message);
  });

  it('a UTF-16 body that says so is read, like UTF-8', async () => {
    const answer = await post(Buffer.from('{"query":"{ plans { id } }"}', 'utf16le'), {
      'content-type': 'application/json; charset=utf-16',
    });
    expect(JSON.parse(answer.text)).toEqual({ data: { plans: [{ id: 'cast-2018' }] } });
  });

  it('a gzip body that is real gzip is read', async () => {
    const answer = await post(gzipSync('{"query":"{ plans { id } }"}'), { 'content-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ data: { plans: [{ id: 'cast-2018' }] } });
  });

  it('NODE_ENV changes nothing: no stack even in development', async () => {
    const before = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'development';
    try {
      expectNoLeak((await post('{')).text);
    } finally {
      process.env['NODE_ENV'] = before;
    }
  });

  it('an unknown path is a JSON 404 naming what exists', async () => {
    const answer = await raw(`${server.url}/nope`, { method: 'GET' });
    expect(expectCodedError(answer, 404, 'NOT_FOUND').message).toMatch(/\/graphql, \/playground/);
  });
});

describe('wrong arguments and unknown ids', () => {
  const error = async (q: string) => {
    const answer = await query(q);
    expectNoLeak(answer.text);
    const body = JSON.parse(answer.text) as {
      errors?: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(body.errors, answer.text).toHaveLength(1);
    return body.errors![0]!;
  };

  it('departments(planId) of an unknown plan is NOT_FOUND, as tasks(planId) is', async () => {
    expect(await error('{ departments(planId: "nope") { id } }')).toMatchObject({
      message: 'planId not found: "nope"',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(await error('{ tasks(planId: "nope") { id } }')).toMatchObject({
      message: 'planId not found: "nope"',
      extensions: { code: 'NOT_FOUND' },
    });
    for (const q of [
      '{ concepts(filter: { planId: "nope" }) { totalCount } }',
      '{ coverage(planId: "nope") { counts { nodes { label } } } }',
      '{ coverage(planId: "nope") { goals { taskCount } } }',
      '{ coverage(planId: "nope") { departments { taskCount } sharedTasks { task { id } } } }',
      '{ coverage(planId: "nope") { __typename } }',
      '{ search(query: "科协", planId: "nope") { id } }',
    ]) {
      expect((await error(q)).extensions['code'], q).toBe('NOT_FOUND');
    }
  });

  it('tasks(filter: { goalId: "2" }) is BAD_USER_INPUT naming the argument; an unknown goal is NOT_FOUND', async () => {
    expect(await error('{ tasks(filter: { goalId: "2" }) { id } }')).toMatchObject({
      message: 'Argument "filter.goalId": expected a goal id such as "cast-2018/goal-2", found "2"',
      extensions: { code: 'BAD_USER_INPUT', argument: 'filter.goalId' },
    });
    expect(await error('{ tasks(filter: { goalId: "cast-2018/goal-99" }) { id } }')).toMatchObject({
      message: 'filter.goalId not found: "cast-2018/goal-99"',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('node(id: "garbage") is BAD_USER_INPUT; a well-formed unknown id is NOT_FOUND', async () => {
    const garbage = await error('{ node(id: "garbage") { id } }');
    expect(garbage.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(garbage.message).toMatch(
      /^Argument "id": expected an id such as "cast-2018\/task-4": a plan \(cast-2018\).*found "garbage"$/,
    );
    for (const id of ['cast-2018/nope-1', 'cast 2018', 'dept/', '../../etc/passwd']) {
      expect((await error(`{ node(id: ${JSON.stringify(id)}) { id } }`)).extensions['code'], id).toBe(
        'BAD_USER_INPUT',
      );
    }
    expect(await error('{ node(id: "cast-2018/task-99") { id } }')).toMatchObject({
      message: 'id not found: "cast-2018/task-99"',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('a forged cursor is BAD_USER_INPUT naming `after`', async () => {
    for (const offset of ['2147483647', '99999999999999999999', '-1', 'x']) {
      const after = Buffer.from(`offset:${offset}`).toString('base64');
      expect(await error(`{ subItems(first: 5, after: "${after}") { totalCount } }`)).toMatchObject({
        message: `Argument "after": expected a cursor from a previous page (endCursor), found "${after}"`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
      });
    }
  });

  it('a search with more terms than Lucene takes is BAD_USER_INPUT, not TooManyClauses', async () => {
    const terms = Array.from({ length: 1_025 }, (_, i) => `t${i}`).join(' ');
    expect(await error(`{ search(query: "${terms}") { id } }`)).toMatchObject({
      message: 'Argument "query": expected at most 500 characters, found "5039 characters"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const many = Array.from({ length: 40 }, (_, i) => `词${i}`).join(' ');
    expect(await error(`{ search(query: "${many}") { id } }`)).toMatchObject({
      message: 'Argument "query": expected at most 32 terms, found "40 terms"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('coverage { elementsWithoutConcept } without planId lists elements only', async () => {
    const answer = await query('{ coverage { elementsWithoutConcept { __typename id } } }');
    const body = JSON.parse(answer.text) as {
      errors?: unknown;
      data: { coverage: { elementsWithoutConcept: { __typename: string }[] } };
    };
    expect(body.errors).toBeUndefined();
    const types = new Set(body.data.coverage.elementsWithoutConcept.map((e) => e.__typename));
    expect([...types].every((t) => ['Principle', 'Goal', 'Task', 'SubItem', 'Guarantee'].includes(t))).toBe(
      true,
    );
  });

  it('`mutation { x }` is refused in validation: this API is read-only', async () => {
    const answer = await query('mutation { x }');
    const first = expectCodedError(answer, 200, 'GRAPHQL_VALIDATION_FAILED');
    expect(first.message).toBe(
      'This API is read-only: it answers query operations, found a mutation operation.',
    );
    expectCodedError(await query('subscription { x }'), 200, 'GRAPHQL_VALIDATION_FAILED');
  });
});
