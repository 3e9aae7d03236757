/**
 * SAME_AS / CONTINUES candidates come from the alignment index (a full-text index over each
 * plan's task and goal words), not from reading every plan: the plans sharing most words come
 * first, a plan sharing none is never read, and a removed plan leaves the index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { ALIGN_CANDIDATES, alignIndexWords, alignQuery } from '../../src/ingest/load/align.ts';
import { removePlan } from '../../src/ingest/load/plans.ts';
import type { PlanModel } from '../../src/ingest/model.ts';
import { emptyGraph, loadFiles, openTestDatabase, parseFile, SEED } from '../support/graph.ts';

const PAIR_2020 = 'test/fixtures/plans/pair/qinghe-2020-points.txt';
const PAIR_2021 = 'test/fixtures/plans/pair/qinghe-2021-points.txt';
const KINDERGARTEN = 'test/fixtures/corpus-full/gov-2019-kindergarten-remediation-notice.txt';

let db: Database;

/** The plans the loader would read to align `model`, best match first, at most `limit`. */
async function candidatePlans(model: PlanModel, limit = ALIGN_CANDIDATES): Promise<string[]> {
  const rows = await db.read<{ planId: string }>('load-align-candidates', {
    planId: model.id,
    query: alignQuery(alignIndexWords(model)),
    limit,
    known: [],
  });
  return [...new Set(rows.map((r) => r.planId))];
}

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED, PAIR_2020, [KINDERGARTEN, 'gwy-2019-kindergarten']);
});
afterAll(async () => {
  await db.close();
});

describe('alignment candidates through the index', () => {
  const later = parseFile(PAIR_2021);

  it('ranks last year’s plan of the same body first, and reads only as many plans as asked', async () => {
    expect(await candidatePlans(later, 1)).toEqual(['qhskx-2020-points']);
    const all = await candidatePlans(later);
    expect(all).toContain('qhskx-2020-points');
    expect(all).toContain('cast-2018');
  });

  it('never reads a plan that shares no word with the one being loaded', async () => {
    const own = new Set(alignIndexWords(later));
    const kindergarten = alignIndexWords(parseFile(KINDERGARTEN, 'gwy-2019-kindergarten'));
    const shared = kindergarten.filter((w) => own.has(w));
    const all = await candidatePlans(later);
    expect(all.includes('gwy-2019-kindergarten')).toBe(shared.length > 0);
  });

  it('leaves the index with its plan', async () => {
    await removePlan(db, 'qhskx-2020-points');
    expect(await candidatePlans(later)).not.toContain('qhskx-2020-points');
    const [left] = await db.read<{ n: number }>('test-align-index-count', { planId: 'qhskx-2020-points' });
    expect(left!.n).toBe(0);
  });
});
