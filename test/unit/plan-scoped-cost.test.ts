/**
 * A question about one plan is priced by the largest plan's counts, not the whole library's: the
 * same question costs the same beside 1,000 plans as on a graph of that plan alone, while lists
 * that reach across plans keep the whole graph's bound, and coverage of k plans is priced at most
 * k times per level of its rows. The compiled formula prices all of it as the walk does.
 */
// graphql's CommonJS build, the one graphql-query-complexity and the formula load (limits.test.ts).
import { buildSchema, parse } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import type { GraphSize } from '../../src/api/limits/bounds.ts';
import { coverageScale, listBound } from '../../src/api/limits/bounds.ts';
import { operationPrice } from '../../src/api/limits/cost.ts';
import { compileCostFormula } from '../../src/api/operations/formula.ts';
import { readTypeDefs } from '../../src/api/schema.ts';

const schema = buildSchema(readTypeDefs());

/** The largest plan of the library: what one plan alone holds. */
const PLAN = {
  labels: new Map([
    ['Plan', 1],
    ['Task', 40],
    ['Goal', 3],
    ['SubItem', 150],
    ['Department', 30],
    ['Concept', 60],
    ['Problem', 5],
  ]),
  relationships: new Map([
    ['MENTIONS', 700],
    ['SERVES', 90],
    ['LEADS', 60],
    ['ADDRESSES', 20],
    ['CITES', 4],
  ]),
};
/** That plan alone, as the cost model saw every graph before per-plan counts. */
const ALONE: GraphSize = { ...PLAN, largestPlan: PLAN };
/** The plan beside 1,000 others: every count about 1,000 times larger, shared nodes less so. */
const LIBRARY: GraphSize = {
  labels: new Map([
    ['Plan', 1001],
    ['Task', 38_000],
    ['Goal', 2_900],
    ['SubItem', 140_000],
    ['Department', 2_500],
    ['Concept', 9_000],
    ['Problem', 4_000],
  ]),
  relationships: new Map([
    ['MENTIONS', 650_000],
    ['SERVES', 85_000],
    ['LEADS', 55_000],
    ['ADDRESSES', 19_000],
    ['CITES', 3_500],
  ]),
  largestPlan: PLAN,
};
/** The library as the cost model priced it before: whole-graph counts for every list. */
const WHOLE: GraphSize = { labels: LIBRARY.labels, relationships: LIBRARY.relationships };

const price = (q: string, size: GraphSize, variables: Record<string, unknown> = {}) =>
  operationPrice(schema, parse(q), size, variables).price;

const DEPARTMENTS =
  'departments { department { name } taskCount subItemCount tasks { id number title } goals { id number } sharesTasksWith { name } }';
const PER_PLAN = [
  `{ coverage(planId: "cast-2018") { ${DEPARTMENTS} } }`,
  '{ coverage(planId: "cast-2018") { goals { goal { id } servedBy { score task { id } } } problems { addressedBy { score } } } }',
  '{ plan(id: "cast-2018") { tasks { id subItems { id } leadDepartments { name } mentions { matched } } } }',
  '{ tasks(planId: "cast-2018") { id concepts { name } } goals(planId: "cast-2018") { servedBy { score } } }',
  '{ department(name: "组人部") { tasks(planId: "cast-2018") { id } leads(planId: "cast-2018") { role } } }',
];

describe('a question about one plan', () => {
  it('costs the same beside 1,000 plans as on that plan alone', () => {
    for (const q of PER_PLAN) {
      expect(price(q, LIBRARY), q).toBe(price(q, ALONE));
      expect(price(q, WHOLE), q).toBeGreaterThan(50_000);
    }
    // coverage(planId) { departments … }: 30 rows × (row 1 + department 2 + taskCount, subItemCount 2
    // + tasks page 1 + 100 × 4 + goals page 1 + 100 × 3 + sharesTasksWith 1 + 30 × 2), the root 1.
    expect(price(PER_PLAN[0]!, LIBRARY)).toBe(
      1 + (1 + 30 * (1 + 2 + 2 + (1 + 100 * 4) + (1 + 100 * 3) + 61)),
    );
  });

  it('bounds a plan’s own lists by the largest plan, and lists that reach other plans by the graph', () => {
    expect(listBound(LIBRARY, 'Plan', 'Task', 'tasks')).toBe(40);
    expect(listBound(LIBRARY, 'Task', 'Department', 'leadDepartments')).toBe(30);
    expect(listBound(LIBRARY, 'Query', 'Task', 'tasks', { planId: 'cast-2018' })).toBe(40);
    expect(listBound(LIBRARY, 'Query', 'Task', 'tasks', { planId: null })).toBe(38_000);
    expect(listBound(LIBRARY, 'Department', 'Task', 'tasks', {})).toBe(38_000);
    expect(listBound(LIBRARY, 'Plan', 'Citation', 'citedBy')).toBe(3_500);
    expect(listBound(LIBRARY, 'Plan', 'Citation', 'cites')).toBe(4);
    // Every plan's tasks: 1,001 plans × 40 tasks at most each.
    expect(price('{ plans { tasks { id } } }', LIBRARY)).toBe(1 + 1001 * (1 + (1 + 40 * 2)));
  });

  it('keeps the whole graph’s bounds when the per-plan counts are unknown', () => {
    expect(listBound(WHOLE, 'Plan', 'Task', 'tasks')).toBe(38_000);
    expect(coverageScale(WHOLE, {})).toBe(1);
  });
});

describe('coverage of several plans', () => {
  const two = `{ coverage(planIds: ["a", "b"]) { ${DEPARTMENTS} } }`;

  it('is priced k times the one-plan rows per level of counted lists', () => {
    expect(coverageScale(LIBRARY, { planIds: ['a', 'b', 'a'] })).toBe(2);
    expect(coverageScale(LIBRARY, { planId: 'a' })).toBe(1);
    // departments, then sharesTasksWith inside it: two levels, 2² = 4 times the one plan's rows.
    const one = price(`{ coverage(planId: "a") { ${DEPARTMENTS} } }`, LIBRARY);
    expect(price(two, LIBRARY)).toBe(1 + 4 * (one - 1));
    // A page written as a literal does not grow with the plans: one level, 2 times.
    const pages = '{ coverage(planIds: ["a", "b"]) { departments { tasks(first: 5) { id } } } }';
    const onePage = price('{ coverage(planId: "a") { departments { tasks(first: 5) { id } } } }', LIBRARY);
    expect(price(pages, LIBRARY)).toBe(1 + 2 * (onePage - 1));
  });

  it('prices every plan at least as high as the whole graph’s bounds did, and refuses it at 1,000 plans', () => {
    const all = `{ coverage { ${DEPARTMENTS} } }`;
    expect(price(all, LIBRARY)).toBeGreaterThanOrEqual(price(all, WHOLE));
    expect(price(all, LIBRARY)).toBeGreaterThan(50_000);
    // On one plan's graph, coverage of every plan is coverage of that plan.
    expect(price(all, ALONE)).toBe(price(`{ coverage(planId: "x") { ${DEPARTMENTS} } }`, ALONE));
  });

  it('counts a fragment as the deepest nesting the rows allow', () => {
    const spread = `fragment D on DepartmentLoad { taskCount } { coverage(planIds: ["a", "b"]) { departments { ...D } } }`;
    const inline = '{ coverage(planIds: ["a", "b"]) { departments { taskCount } } }';
    const one = price('{ coverage(planId: "a") { departments { taskCount } } }', LIBRARY);
    expect(price(inline, LIBRARY)).toBe(1 + 2 * (one - 1));
    expect(price(spread, LIBRARY)).toBe(1 + 4 * (one - 1));
  });
});

describe('the compiled formula', () => {
  it('prices plan-scoped and multi-plan questions as the walk does', () => {
    const documents = [
      ...PER_PLAN,
      `{ coverage(planIds: ["a", "b", "c"]) { ${DEPARTMENTS} } }`,
      `{ coverage { ${DEPARTMENTS} } }`,
      'query($ids: [ID!], $n: Int) { coverage(planIds: $ids) { departments { tasks(first: $n) { id } } } }',
      'fragment D on DepartmentLoad { tasks { id } } { coverage(planIds: ["a", "b"]) { departments { ...D } } }',
      '{ plans { tasks { plan { tasks { id } } } citedBy { plan { id } } } }',
    ];
    for (const text of documents) {
      for (const size of [LIBRARY, ALONE, WHOLE]) {
        const variables = { ids: ['a', 'b'], n: 7 };
        const walked = operationPrice(schema, parse(text), size, variables);
        expect(compileCostFormula(schema, parse(text))(size, variables), text.slice(0, 60)).toEqual(walked);
      }
    }
  });
});
