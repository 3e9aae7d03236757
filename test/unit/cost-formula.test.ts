/**
 * The compiled cost formula prices every document exactly as the cost model's walk does
 * (graphql-query-complexity), so the limit refuses the same documents: compared on the documents
 * the project's own clients send (docs/trusted-documents.json), on what a hostile client sends
 * (back-edges, aliases, fragments, abstract types, skip/include, pages from variables), and on
 * what fails (bad variables, the node limit), with and without a graph size.
 */
// graphql's CommonJS build, the one graphql-query-complexity and the formula load.
import { buildSchema, parse, type OperationDefinitionNode, type TypeNode } from 'graphql/index.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphSize } from '../../src/api/limits/bounds.ts';
import { operationPrice } from '../../src/api/limits/cost.ts';
import { compileCostFormula } from '../../src/api/operations/formula.ts';
import { readTypeDefs } from '../../src/api/schema.ts';

const schema = buildSchema(readTypeDefs());
const SIZE: GraphSize = {
  labels: new Map([
    ['Plan', 2],
    ['Task', 40],
    ['Goal', 8],
    ['SubItem', 150],
    ['Concept', 100],
    ['Department', 30],
  ]),
  relationships: new Map([
    ['MENTIONS', 700],
    ['SERVES', 90],
    ['LEADS', 60],
  ]),
  tasksByPlan: new Map([['cast-2018', 40]]),
};

/** The price or the error message, both ways. */
function both(text: string, variables: Record<string, unknown>, size: GraphSize | null, name?: string) {
  const document = parse(text);
  const outcome = (f: () => { price: number; work: number }) => {
    try {
      return f();
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  return {
    walked: outcome(() => operationPrice(schema, document, size, variables, name)),
    compiled: outcome(() => compileCostFormula(schema, document, name)(size, variables)),
  };
}

/** A value of each variable's type, so that documents with required variables are priced too. */
function sampleVariables(text: string): Record<string, unknown> {
  const sample = (type: TypeNode): unknown => {
    if (type.kind === 'NonNullType') return sample(type.type);
    if (type.kind === 'ListType') return [sample(type.type), sample(type.type)];
    return { ID: 'cast-2018', String: 'LEADS', Int: 3, Float: 0.5, Boolean: true }[type.name.value] ?? 'TASK';
  };
  const out: Record<string, unknown> = {};
  for (const d of parse(text).definitions) {
    for (const v of (d as OperationDefinitionNode).variableDefinitions ?? []) {
      out[v.variable.name.value] = sample(v.type);
    }
  }
  return out;
}

const listed = Object.values(
  JSON.parse(readFileSync('docs/trusted-documents.json', 'utf8')) as Record<string, string>,
);

const turn = (inner: string) => `tasks { plan { ${inner} } }`;
const HOSTILE = [
  `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: plans { ${turn(turn(turn(turn('tasks { id }'))))} }`).join(' ')} }`,
  `{ ${Array.from({ length: 4 }, (_, i) => `p${i}: path(from: "dept/组人部", to: "concept/四服务", maxLength: 8) { length }`).join(' ')} }`,
  '{ compare(a: "cast-2018", b: "cast-2018") { threshold aligned { score } } }',
  'query($n: Int) { concepts(first: $n) { nodes { id name } } }',
  'query($skip: Boolean!, $n: Int) { plans { tasks @skip(if: $skip) { id } } concepts(first: $n) @include(if: $skip) { nodes { id } } }',
  '{ node(id: "x") { id ... on Task { leadDepartments { id leads { task { id } } } } ... on Concept { mentionedIn(first: 50) { nodes { element { id } } } } } }',
  'fragment T on Task { id subItems { id } } fragment P on Plan { tasks { ...T } } { plans { ...P } a: plans { ...P } }',
  'fragment E on PlanElement { id } { nodes(ids: ["a", "b", "c"]) { ...E ... on Task { serves { goal { ...E } } } } }',
  '{ __schema { types { name fields { name args { name } } } } }',
  'query A { plans { id } } query B { plans { tasks { id } } }',
];

describe('compileCostFormula', () => {
  it('prices each document the project sends as the walk does, with and without variables', () => {
    // The playground's tabs, the explorer's ten operations, the README's and the examples' documents.
    expect(listed.length).toBeGreaterThanOrEqual(25);
    for (const text of listed) {
      for (const variables of [{}, sampleVariables(text)]) {
        for (const size of [SIZE, null]) {
          const { walked, compiled } = both(text, variables, size);
          expect(compiled, text.slice(0, 60)).toEqual(walked);
        }
      }
    }
  });

  it('prices what a hostile client sends as the walk does', () => {
    for (const text of HOSTILE) {
      for (const variables of [{}, { n: 500, skip: false }, { n: 7, skip: true }]) {
        const { walked, compiled } = both(text, variables, SIZE);
        expect(compiled, text.slice(0, 60)).toEqual(walked);
      }
    }
    // The back-edge report is priced in billions either way.
    expect(both(HOSTILE[0]!, {}, SIZE).compiled).toMatchObject({ price: expect.any(Number) });
    expect((both(HOSTILE[0]!, {}, SIZE).compiled as { price: number }).price).toBeGreaterThan(1e9);
  });

  it('selects the named operation of a document of several, as the walk does', () => {
    for (const name of ['A', 'B']) {
      const { walked, compiled } = both(HOSTILE[9]!, {}, SIZE, name);
      expect(compiled).toEqual(walked);
    }
    expect(both(HOSTILE[9]!, {}, SIZE, 'A').compiled).not.toEqual(both(HOSTILE[9]!, {}, SIZE, 'B').compiled);
  });

  it('fails as the walk does: variables that do not fit, and the node limit', () => {
    const bad = both('query($n: Int) { concepts(first: $n) { nodes { id } } }', { n: 'many' }, SIZE);
    expect(bad.compiled).toEqual({
      error: 'Variable "$n" got invalid value "many"; Int cannot represent non-integer value: "many"',
    });
    expect(bad.compiled).toEqual(bad.walked);
    // Fragments that double at each level: 2^14 selections once expanded.
    const levels = Array.from(
      { length: 14 },
      (_, i) =>
        `fragment F${i} on Plan { a: tasks { plan { ...F${i + 1} } } b: tasks { plan { ...F${i + 1} } } }`,
    ).join(' ');
    const wide = both(`${levels} fragment F14 on Plan { id } { plans { ...F0 } }`, {}, SIZE);
    expect(wide.compiled).toEqual({ error: 'Query exceeds the maximum allowed number of nodes.' });
    expect(wide.compiled).toEqual(wide.walked);
  });
});
