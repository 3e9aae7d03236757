/**
 * A load's cost is its own plan's size, not the library's: every statement a plan's load runs finds
 * what it reads through an index (the plan's id, an element's id, a document's title or number, a
 * citation key), never by scanning a label or a whole index. A scan here grows with every plan
 * loaded before, which is what made a library load slow down as it went (issue 21). Checked with
 * EXPLAIN on a small graph: few nodes per label make a scan look cheapest to the planner, so a
 * statement that leaves the planner the choice would take it here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { ensureSchema } from '../../src/ingest/load/schema.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { explainStatement } from '../support/explain.ts';

const PAIR_2020 = 'test/fixtures/plans/pair/qinghe-2020-points.txt';
const CITING = 'test/fixtures/plans/cited/qinghe-2019-review-points.txt';

/** Statements allowed a scan, and why. */
const SCANS_ALLOWED: Record<string, string> = {
  // The one :GraphVersion node.
  'load-bump-version': 'NodeByLabelScan',
  // Removing a plan (not loading one) looks at every shared node once.
  'load-prune-shared': 'NodeByLabelScan',
};
const SCAN =
  /^(NodeByLabelScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|AllNodesScan|NodeIndexScan|DirectedRelationshipTypeScan|UndirectedRelationshipTypeScan|DirectedAllRelationshipsScan|UndirectedAllRelationshipsScan)/;

let db: Database;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED, PAIR_2020, CITING);
});
afterAll(async () => {
  await db.close();
});

describe('the statements of a load', () => {
  it('read the graph through indexes only: no label, type or whole-index scan', async () => {
    const names = [...db.catalog.keys()].filter((name) => name.startsWith('load-'));
    // The statements a plan's load runs (load.ts LOAD_STEPS, load-library.ts) are all here.
    expect(names).toEqual(
      expect.arrayContaining([
        'load-delete-plan',
        'load-plan',
        'load-align-candidates',
        'load-align-index',
        'load-resolve-documents',
        'load-prune-touched',
        'load-plan-states',
        'load-plans-by-sha256',
      ]),
    );
    const values: Record<string, unknown> = {
      planId: 'qhskx-2020-points',
      planIds: ['qhskx-2020-points'],
      sha256s: ['0'],
      ids: ['dept/组人部'],
      rows: [],
      props: { id: 'x', citeTitles: ['x'], documentNumber: null },
      titles: ['科协系统深化改革实施方案'],
      number: null,
      words: 'x',
      query: '"科协"',
      limit: 20,
      known: [],
    };
    const found: Record<string, string[]> = {};
    for (const name of names) {
      const scans = (await explainStatement(db, name, values))
        .filter((op) => SCAN.test(op.operatorType))
        .map((op) => `${op.operatorType.replace(/@.*/, '')} ${String(op.arguments['Details'])}`);
      if (scans.length > 0) found[name] = scans;
    }
    expect(Object.keys(found).sort()).toEqual(Object.keys(SCANS_ALLOWED).sort());
    for (const [name, kind] of Object.entries(SCANS_ALLOWED))
      expect(found[name]!.every((scan) => scan.startsWith(kind))).toBe(true);
  });
});

describe('citation keys', () => {
  const keys = async () => {
    const session = db.driver.session({ database: db.databaseName });
    try {
      const { records } = await session.run(
        'MATCH (k:PlanKey) RETURN k.planId AS planId, k.key AS key ORDER BY planId, key',
      );
      return records.map((r) => `${String(r.get('planId'))} ${String(r.get('key'))}`);
    } finally {
      await session.close();
    }
  };

  it('are made with each plan: its titles and its number', async () => {
    // The title, the notice's title and the 《…》 in it (here the title again: one key).
    expect(await keys()).toEqual([
      'cast-2018 t:2018年科协系统深化改革重点任务',
      'cast-2018 t:中国科协办公厅关于印发《2018年科协系统深化改革重点任务》的通知',
      'qhskx-2020-points t:2020年市科协深化改革工作要点',
      'qhskx-2020-points t:青禾市科协关于印发《2020年市科协深化改革工作要点》的通知',
      'qhsrmzf-2019-points t:2019年规范性文件合法性审核工作要点',
      'qhsrmzf-2019-points t:青禾市人民政府办公室关于印发《2019年规范性文件合法性审核工作要点》的通知',
    ]);
  });

  it('are given to plans an earlier loader wrote without them, when the schema is made', async () => {
    const before = await keys();
    const session = db.driver.session({ database: db.databaseName });
    try {
      await session.run("MATCH (k:PlanKey) WHERE k.planId <> 'cast-2018' DELETE k");
    } finally {
      await session.close();
    }
    expect(await keys()).toEqual(before.filter((key) => key.startsWith('cast-2018 ')));
    await ensureSchema(db);
    expect(await keys()).toEqual(before);
  });
});
