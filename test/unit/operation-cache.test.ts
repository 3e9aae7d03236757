/**
 * The operation cache without a database: a schema of its own with resolvers that count their
 * calls. Both executors give graphql-js's answers, compiling happens once per document and
 * operation name, prices come from the compiled formula, and the cache is bounded.
 */
import { buildSchema, parse, type ExecutionResult, type GraphQLObjectType } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { OperationCache } from '../../src/api/operations/cache.ts';
import { Lru } from '../../src/api/operations/lru.ts';

// Built with the same copy of graphql the cache module loads (graphql's instanceof checks).
const schema = buildSchema(`type Query { items(first: Int = 2): [Item!]!  fail: Int }
                            type Item { n: Int! twice: Int! }`);
const query = schema.getQueryType()!.getFields();
query['items']!.resolve = (_r, { first }: { first: number }) =>
  Array.from({ length: first }, (_, i) => ({ n: i }));
query['fail']!.resolve = () => {
  throw new Error('no such value');
};
(schema.getType('Item') as GraphQLObjectType).getFields()['twice']!.resolve = ({ n }: { n: number }) => n * 2;

const QUERY = 'query Items($k: Int) { items(first: $k) { n twice } }';

async function run(cache: OperationCache, query: string, variables?: Record<string, unknown>) {
  return (await cache.run(schema, parse(query), query, 'Items', {}, variables)) as ExecutionResult;
}

describe('OperationCache', () => {
  for (const executor of ['jit', 'graphql-js'] as const) {
    it(`${executor}: answers as graphql-js does, with values, errors and bad variables`, async () => {
      const cache = new OperationCache({ maxEntries: 10, executor });
      expect(await run(cache, QUERY, { k: 3 })).toEqual({
        data: {
          items: [
            { n: 0, twice: 0 },
            { n: 1, twice: 2 },
            { n: 2, twice: 4 },
          ],
        },
      });
      const failed = (await cache.run(schema, parse('{ fail }'), 'f', undefined, {}, {})) as ExecutionResult;
      expect(failed.data).toEqual({ fail: null });
      expect(failed.errors?.map((e) => [e.message, e.path])).toEqual([['no such value', ['fail']]]);
      // Apollo reads extensions.code and the formatter the original error (a DatabaseError's code).
      expect(failed.errors?.map((e) => [e.extensions, e.originalError?.message])).toEqual([
        [{}, 'no such value'],
      ]);
      const bad = await run(cache, QUERY, { k: 'three' });
      expect(bad.data).toBeUndefined();
      expect(bad.errors?.map((e) => e.message)).toEqual([
        'Variable "$k" got invalid value "three"; Int cannot represent non-integer value: "three"',
      ]);
    });
  }

  it('compiles a document once: later requests only bind variables', async () => {
    const cache = new OperationCache({ maxEntries: 10, executor: 'jit' });
    await run(cache, QUERY, { k: 1 });
    const second = await run(cache, QUERY, { k: 2 });
    expect(second.data).toEqual({
      items: [
        { n: 0, twice: 0 },
        { n: 1, twice: 2 },
      ],
    });
    expect([cache.misses, cache.hits, cache.size]).toEqual([1, 1, 1]);
  });

  it("prices by the formula compiled on the first request, evaluated with each request's variables", () => {
    const cache = new OperationCache({ maxEntries: 10, executor: 'jit' });
    const document = parse(QUERY);
    let walked = 0;
    const price = (k: number) =>
      cache.price(schema, document, QUERY, 'Items', null, { k }, () => {
        walked += 1;
        return { price: -1, work: 0 };
      }).price;
    // items: 1 + k × (item 1 + n 1 + twice 1), with or without a graph size.
    expect([price(1), price(1), price(5)]).toEqual([1 + 1 * 3, 1 + 1 * 3, 1 + 5 * 3]);
    expect(walked).toBe(0);
    expect([cache.misses, cache.hits, cache.size]).toEqual([1, 2, 1]);
  });

  it('keeps the last price for the same graph size and variables, and prices anew when either changes', () => {
    const cache = new OperationCache({ maxEntries: 10, executor: 'jit' });
    const document = parse(QUERY);
    const price = (k: number) =>
      cache.price(schema, document, QUERY, 'Items', null, { k }, () => ({ price: -1, work: 0 }));
    const first = price(2);
    const again = price(2);
    const other = price(5);
    const back = price(2);
    // The same variables: the kept price itself; others: a new one, with its own value.
    expect(again).toBe(first);
    expect([first.price, other.price, back.price]).toEqual([1 + 2 * 3, 1 + 5 * 3, 1 + 2 * 3]);
    expect(back).not.toBe(first);
  });

  it('is emptied when Apollo loads a schema', async () => {
    const cache = new OperationCache({ maxEntries: 10, executor: 'jit' });
    await run(cache, QUERY, { k: 1 });
    const hooks = await cache.plugin().serverWillStart!({} as never);
    hooks!.schemaDidLoadOrUpdate!({ apiSchema: schema, coreSupergraphSdl: '' });
    expect(cache.size).toBe(0);
  });
});

describe('Lru', () => {
  it('forgets the least recently used entry past its bound', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
  });
});
