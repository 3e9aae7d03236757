/**
 * Several plans in one write transaction (loadPlanBatch, what a library load does): the later
 * plan of the hand-made pair aligns with the earlier one written in the same transaction, and a
 * plan whose write fails inside the batch fails alone, with its reason, while the others load.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { loadPlanBatch } from '../../src/ingest/load/load.ts';
import { listPlans } from '../../src/ingest/load/plans.ts';
import { ensureSchema } from '../../src/ingest/load/schema.ts';
import type { PlanModel } from '../../src/ingest/model.ts';
import { emptyGraph, openTestDatabase, parseFile, SEED } from '../support/graph.ts';

const A = 'test/fixtures/plans/pair/qinghe-2020-points.txt';
const B = 'test/fixtures/plans/pair/qinghe-2021-points.txt';
const A_ID = 'qhskx-2020-points';
const B_ID = 'qhskx-2021-points';

vi.setConfig({ testTimeout: 240_000 });

let db: Database;

/** The SAME_AS / CONTINUES links of the graph, as "from TYPE to", sorted. */
async function links(): Promise<string[]> {
  const [all] = await db.read<{ relationships: { from: string; type: string; to: string }[] }>(
    'test-snapshot',
  );
  return all!.relationships
    .filter((r) => r.type === 'SAME_AS' || r.type === 'CONTINUES')
    .map((r) => `${r.from} ${r.type} ${r.to}`)
    .sort();
}

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await ensureSchema(db);
});
afterAll(async () => {
  await db.close();
});

describe('plans written together in one transaction', () => {
  it('aligns the later plan with the earlier one of the same batch, as loading them one by one does', async () => {
    const outcomes = await loadPlanBatch(db, [parseFile(A), parseFile(B)]);
    expect(outcomes.map((o) => (o.ok ? [o.result.status, o.result.planId] : ['failed']))).toEqual([
      ['loaded', A_ID],
      ['loaded', B_ID],
    ]);
    // The links test/integration/plans.test.ts finds for the pair loaded in two transactions.
    expect(await links()).toEqual([
      `${B_ID}/task-1 SAME_AS ${A_ID}/task-2`,
      `${B_ID}/task-2 CONTINUES ${A_ID}/task-1`,
      `${B_ID}/task-3 CONTINUES ${A_ID}/task-3`,
    ]);
    // Loaded again: both skipped, nothing written.
    const again = await loadPlanBatch(db, [parseFile(A), parseFile(B)]);
    expect(again.map((o) => o.ok && o.result.status)).toEqual(['skipped', 'skipped']);
  });

  it('fails only the plan whose write fails; the others of the batch load', async () => {
    await emptyGraph(db);
    const broken: PlanModel = parseFile(B);
    // The rows of the elements step: every element but the sub-items, each under its section.
    const numbered = broken.elements.filter((e) => e.kind !== 'SubItem');
    const tasks = numbered.filter((e) => e.kind === 'Task');
    // One task under a section that does not exist: the elements step writes one row fewer.
    const lost = tasks.at(-1)!;
    const model: PlanModel = {
      ...broken,
      elements: broken.elements.map((e) => (e === lost ? { ...e, sectionId: `${B_ID}/no-such-section` } : e)),
    };
    expect(tasks.length).toBe(4);
    const outcomes = await loadPlanBatch(db, [parseFile(SEED), model, parseFile(A)]);
    expect(outcomes.map((o) => (o.ok ? o.result.status : 'failed'))).toEqual(['loaded', 'failed', 'loaded']);
    const failure = outcomes[1]!;
    expect(failure.ok ? null : (failure.error as Error).message).toBe(
      `load step elements of ${B_ID}: expected ${numbered.length} rows written, wrote ${numbered.length - 1}`,
    );
    expect((await listPlans(db)).map((p) => p.id).sort()).toEqual(['cast-2018', A_ID]);
  });
});
