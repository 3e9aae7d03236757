/**
 * The cost model's per-plan bounds, read from the graph: the largest plan's count of each label
 * and relationship type, as the per-plan counts of every plan give it, read again (in the
 * background) once a load changes the graph; and a question about the seed priced the same beside a second plan.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
// graphql's CommonJS build, the one graphql-query-complexity loads (see test/unit/limits.test.ts).
import { buildSchema, parse } from 'graphql/index.js';
import { type GraphSize, ListBounds } from '../../src/api/limits/bounds.ts';
import { operationPrice } from '../../src/api/limits/cost.ts';
import { readTypeDefs } from '../../src/api/schema.ts';
import { emptyGraph, loadFiles, openTestDatabase, SECOND_PLAN, SEED } from '../support/graph.ts';
import { startTestServer } from '../support/server.ts';

let db: Database;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
});
afterAll(async () => {
  await db.close();
});

/** Each plan's counts by the statements coverage uses, and the largest of each kind over the plans. */
async function largestByPlan(planIds: string[]) {
  const labels = new Map<string, number>();
  const relationships = new Map<string, number>();
  for (const planId of planIds) {
    for (const r of await db.read<{ label: string; count: number }>('count-plan-labels', { planId })) {
      labels.set(r.label, Math.max(labels.get(r.label) ?? 0, r.count));
    }
    for (const r of await db.read<{ type: string; count: number }>('count-plan-relationships', { planId })) {
      relationships.set(r.type, Math.max(relationships.get(r.type) ?? 0, r.count));
    }
  }
  return { labels, relationships };
}

const PER_PLAN = `{ coverage(planId: "cast-2018") { departments { department { name } taskCount tasks { id } sharesTasksWith { name } } goals { goal { id } servedBy { score task { id } } } } }`;

describe('the bounds of lists scoped to one plan', () => {
  it('are the largest plan’s counts, read again in the background when a load changes the graph', async () => {
    const bounds = new ListBounds(db, 0);
    await loadFiles(db, SEED);
    const alone = await bounds.current();
    expect(alone.largestPlan!.labels.get('Task')).toBe(10);
    expect(alone.largestPlan!.labels.get('SubItem')).toBe(48);
    expect(alone.labels.get('Task')).toBe(10);

    const [second] = await loadFiles(db, SECOND_PLAN);
    // The last known counts price requests while the new ones are read.
    expect(await bounds.current()).toBe(alone);
    await vi.waitFor(async () => expect((await bounds.current()).labels.get('Plan')).toBe(2), {
      timeout: 30_000,
      interval: 200,
    });
    const both = await bounds.current();
    const expected = await largestByPlan(['cast-2018', second!.id]);
    for (const label of ['Plan', 'Section', 'Goal', 'Task', 'SubItem', 'Department', 'Concept', 'Problem']) {
      expect({ label, count: both.largestPlan!.labels.get(label) ?? 0 }).toEqual({
        label,
        count: expected.labels.get(label) ?? 0,
      });
    }
    for (const type of ['MENTIONS', 'LEADS', 'SERVES', 'ADDRESSES']) {
      expect({ type, count: both.largestPlan!.relationships.get(type) ?? 0 }).toEqual({
        type,
        count: expected.relationships.get(type) ?? 0,
      });
    }
    const secondCounts = await db.read<{ label: string; count: number }>('count-plan-labels', {
      planId: second!.id,
    });
    const secondTasks = secondCounts.find((r) => r.label === 'Task')?.count ?? 0;
    expect(secondTasks).toBeGreaterThan(0);
    expect(both.labels.get('Task')).toBe(10 + secondTasks);
    expect(both.labels.get('Plan')).toBe(2);

    // A question about one plan: priced by the largest plan alone, below the whole graph's price.
    const schema = buildSchema(readTypeDefs());
    const price = (size: GraphSize) => operationPrice(schema, parse(PER_PLAN), size).price;
    const largestAlone: GraphSize = { ...both.largestPlan!, largestPlan: both.largestPlan! };
    expect(price(both)).toBe(price(largestAlone));
    expect(price(both)).toBeLessThan(price({ labels: both.labels, relationships: both.relationships }));
  });

  it('answer a question about the seed through the service, priced by its bounds', async () => {
    const server = await startTestServer(db);
    try {
      const { data, errors } = await server.gql<{ coverage: { departments: unknown[] } }>(PER_PLAN);
      expect(errors).toBeUndefined();
      expect(data!.coverage.departments.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
