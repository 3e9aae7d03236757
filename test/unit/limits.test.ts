/**
 * The cost model without a database: list bounds from given graph counts, pages from their
 * arguments, and the back-edge query of the report priced as the answer it would make.
 */
// graphql's CommonJS build, the one graphql-query-complexity loads (Vite would give this file
// the ES module build, a second copy that graphql's instanceof checks refuse).
import { buildSchema, parse } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { type GraphSize, UNKNOWN_LIST_BOUND, listBound } from '../../src/api/limits/bounds.ts';
import { operationCost } from '../../src/api/limits/cost.ts';
import { readTypeDefs } from '../../src/api/schema.ts';
import { loadConfig, securityWarnings } from '../../src/config.ts';

const schema = buildSchema(readTypeDefs());
const size: GraphSize = {
  labels: new Map([
    ['Plan', 1],
    ['Task', 40],
    ['SubItem', 150],
    ['Concept', 100],
  ]),
  relationships: new Map([['MENTIONS', 700]]),
};
const cost = (q: string, variables: Record<string, unknown> = {}) =>
  operationCost(schema, parse(q), size, variables);

describe('operationCost', () => {
  it('counts each object and scalar once', () => {
    expect(cost('{ plans { id title } }')).toBe(1 + 1 * (1 + 2));
  });

  it('multiplies a list by the graph count of its item label', () => {
    // plans: 1 × (plan 1 + tasks: 1 + 40 × (task 1 + id 1))
    expect(cost('{ plans { tasks { id } } }')).toBe(1 + 1 * (1 + (1 + 40 * 2)));
  });

  it('multiplies at every turn of a back-edge: the report query is priced in billions', () => {
    const turn = (inner: string) => `tasks { plan { ${inner} } }`;
    const q = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: plans { ${turn(turn(turn(turn('tasks { id }'))))} }`).join(' ')} }`;
    expect(cost(q)).toBeGreaterThan(1e9);
  });

  it('prices a page by its first argument, variables included', () => {
    const q = 'query($n: Int) { concepts(first: $n) { nodes { id } } }';
    expect(cost(q, { n: 10 })).toBe(1 + 10 * (1 + (1 + 1 * 2)));
    expect(cost(q, { n: 500 })).toBe(1 + 500 * (1 + (1 + 1 * 2)));
  });

  it('prices nodes(ids) by the ids asked', () => {
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { id } }')).toBe(1 + 3 * 2);
  });

  it('lists of scalars count once: they cannot nest', () => {
    expect(cost('{ plans { addressees } }')).toBe(1 + 1 * (1 + 1));
  });
});

describe('introspection', () => {
  it('is priced by the size of the document, not multiplied', () => {
    expect(cost('{ __schema { types { name fields { name args { name } } } } }')).toBeLessThan(20);
  });
});

describe('listBound', () => {
  it('is at least 1 on an empty graph, and large when the graph is unknown', () => {
    expect(listBound({ labels: new Map(), relationships: new Map() }, 'Plan', 'Task')).toBe(1);
    expect(listBound(null, 'Plan', 'Task')).toBe(UNKNOWN_LIST_BOUND);
    expect(listBound(null, 'Plan', 'PlanFact')).toBe(16);
  });
});

describe('securityWarnings', () => {
  it('says nothing for the defaults', () => {
    expect(securityWarnings(loadConfig({}))).toEqual([]);
  });

  it('warns for HOST=0.0.0.0', () => {
    expect(securityWarnings(loadConfig({ HOST: '0.0.0.0' }))).toEqual([
      'HOST=0.0.0.0: the API answers every machine that can reach this one; it has no authentication of its own (docs/security.md)',
    ]);
  });

  it('warns for a remote NEO4J_URI with no password or a published one, not for a local one', () => {
    expect(securityWarnings(loadConfig({ NEO4J_URI: 'neo4j+s://graph.example.org' }))).toEqual([
      'NEO4J_URI=neo4j+s://graph.example.org is another machine and NEO4J_PASSWORD is unset (the published default is used): set a password of your own on that server and in NEO4J_PASSWORD',
    ]);
    expect(
      securityWarnings(
        loadConfig({ NEO4J_URI: 'bolt://db.internal:7687', NEO4J_PASSWORD: 'plan-graph-local' }),
      ),
    ).toHaveLength(1);
    expect(
      securityWarnings(loadConfig({ NEO4J_URI: 'bolt://db.internal:7687', NEO4J_PASSWORD: 'a-real-secret' })),
    ).toEqual([]);
    expect(securityWarnings(loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:7687' }))).toEqual([]);
  });
});
