/**
 * The questions across plans are priced like every page: their `first` (100 when omitted) multiplies
 * what one row costs, so a list of concepts each asking for its plans by year is priced as the
 * answer it could make.
 */
// graphql's CommonJS build, the one graphql-query-complexity loads (see limits.test.ts).
import { buildSchema, parse } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import type { GraphSize } from '../../src/api/limits/bounds.ts';
import { operationCost } from '../../src/api/limits/cost.ts';
import { readTypeDefs } from '../../src/api/schema.ts';

const schema = buildSchema(readTypeDefs());
const size: GraphSize = {
  labels: new Map([
    ['Plan', 1000],
    ['Task', 40_000],
    ['Concept', 2000],
    ['Department', 900],
  ]),
  relationships: new Map([['MENTIONS', 70_000]]),
};
const cost = (q: string) => operationCost(schema, parse(q), size);

describe('the price of a question across plans', () => {
  it('multiplies a row by the page asked, and by 100 when no page is given', () => {
    // concept: 1 + plansByYear: 1 + 10 × (row 1 + year 1 + mentionCount 1)
    expect(cost('{ concept(name: "四服务") { plansByYear(first: 10) { year mentionCount } } }')).toBe(
      1 + (1 + 10 * 3),
    );
    expect(cost('{ concept(name: "四服务") { plansByYear { year mentionCount } } }')).toBe(1 + (1 + 100 * 3));
  });

  it('prices every question the same way: departments, citing plans, a task’s line', () => {
    expect(cost('{ department(name: "组人部") { plansByYear(first: 5) { leadCount } } }')).toBe(
      1 + (1 + 5 * 2),
    );
    expect(cost('{ document(title: "x") { citingPlans(first: 5) { citationCount } } }')).toBe(
      1 + (1 + 5 * 2),
    );
    expect(cost('{ task(planId: "cast-2018", number: 1) { lineage(first: 5) { hops } } }')).toBe(
      1 + (1 + 5 * 2),
    );
  });

  it('multiplies a question nested under a list: 500 concepts × 500 plans is refused at the default limit', () => {
    const q = '{ concepts(first: 500) { nodes { plansByYear(first: 500) { year } } } }';
    expect(cost(q)).toBeGreaterThan(50_000);
  });

  it('prices coverage of a set of plans like coverage of all: the same lists, bounded by the graph', () => {
    const all = cost('{ coverage { departments { taskCount } } }');
    expect(cost('{ coverage(planIds: ["a", "b"]) { departments { taskCount } } }')).toBe(all);
    expect(all).toBe(1 + (1 + 900 * 2));
  });
});
