/**
 * Several plans in one graph: listing, comparing (on the hand-made pair whose differences
 * test/fixtures/plans/pair/README.md writes down), SAME_AS / CONTINUES, removing one plan and
 * only it, ids stable across an edit, and coverage that says what it rests on.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import { loadPlan, PlanIdClashError } from '../../src/ingest/load/load.ts';
import { listPlans, NoSuchPlanError, removePlan } from '../../src/ingest/load/plans.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { startTestServer, type Gql } from '../support/server.ts';

const A = 'test/fixtures/plans/pair/qinghe-2020-points.txt';
const B = 'test/fixtures/plans/pair/qinghe-2021-points.txt';
const A_ID = 'qhskx-2020-points';
const B_ID = 'qhskx-2021-points';
// The pair is issued by 青禾市科协办公室: its units are that association's (src/ingest/departments.ts).
const DEPT = 'dept/青禾市科协';

// Each test loads and snapshots whole plans: give it room on a loaded machine.
vi.setConfig({ testTimeout: 240_000 });

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
let gql: Gql;
let scratch: string;

interface Snapshot {
  nodes: { labels: string[]; properties: Record<string, unknown> }[];
  relationships: { from: string; type: string; to: string; properties: Record<string, unknown> }[];
}

/** One plan's nodes and the relationships among them and the shared nodes, every property. */
async function planSnapshot(planId: string): Promise<Snapshot> {
  const [all] = await db.read<Snapshot & Record<string, unknown>>('test-snapshot');
  const owned = (id: string) => id === planId || id.startsWith(`${planId}/`);
  const shared = (id: string) => id.startsWith('dept/') || id.startsWith('concept/');
  return {
    nodes: all!.nodes.filter((n) => owned(String(n.properties['id']))),
    relationships: all!.relationships.filter(
      (r) =>
        (owned(r.from) || owned(r.to)) && (owned(r.from) || shared(r.from)) && (owned(r.to) || shared(r.to)),
    ),
  };
}

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  server = await startTestServer(db);
  gql = server.gql;
  scratch = mkdtempSync(join(tmpdir(), 'plan-graph-plans-'));
});
afterAll(async () => {
  await server.close();
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('two plans of the same issuer, loaded side by side', () => {
  beforeAll(async () => {
    await emptyGraph(db);
    await loadFiles(db, A, B);
  });

  it('gives each plan the id its document states: issuer, year and kind', async () => {
    const plans = await listPlans(db);
    expect(plans.map((p) => [p.id, p.title, p.sourceFile, p.tasks, p.goals, p.reviewedLinks])).toEqual([
      [A_ID, '2020年市科协深化改革工作要点', 'qinghe-2020-points.txt', 4, 0, 0],
      [B_ID, '2021年市科协深化改革工作要点', 'qinghe-2021-points.txt', 4, 0, 0],
    ]);
    const { source } = readPlanFile(A);
    expect(plans[0]!.sha256).toBe(source.sha256);
    expect(plans.every((p) => p.loadedAt !== null && !Number.isNaN(Date.parse(p.loadedAt)))).toBe(true);
  });

  it('links the same task in the two years from the later plan to the earlier, whatever its number', async () => {
    const rows = await db.read<{ relationships: Snapshot['relationships'] }>('test-snapshot');
    const links = rows[0]!.relationships
      .filter((r) => r.type === 'SAME_AS' || r.type === 'CONTINUES')
      .map((r) => `${r.from} ${r.type} ${r.to}`);
    expect(links).toEqual([
      `${B_ID}/task-1 SAME_AS ${A_ID}/task-2`,
      `${B_ID}/task-2 CONTINUES ${A_ID}/task-1`,
      `${B_ID}/task-3 CONTINUES ${A_ID}/task-3`,
    ]);
  });

  const COMPARE = `query ($a: ID!, $b: ID!, $threshold: Float) {
    compare(a: $a, b: $b, threshold: $threshold) {
      threshold
      aligned { a { id } b { id } score same sharedPhrases }
      onlyInA { id }
      onlyInB { id }
      changed { a { id } b { id } titleDiff { op text } textDiff { op text } }
      conceptsAppearing { id }
      conceptsDisappearing { id }
      leadChanges { department { id } ledInA { id } ledInB { id } gained { id } lost { id } }
    }
  }`;
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
  type Id = { id: string };
  type Diff = { op: string; text: string };
  interface Comparison {
    threshold: number;
    aligned: { a: Id; b: Id; score: number; same: boolean; sharedPhrases: string[] }[];
    onlyInA: Id[];
    onlyInB: Id[];
    changed: { a: Id; b: Id; titleDiff: Diff[]; textDiff: Diff[] }[];
    conceptsAppearing: Id[];
    conceptsDisappearing: Id[];
    leadChanges: { department: Id; ledInA: Id[]; ledInB: Id[]; gained: Id[]; lost: Id[] }[];
  }

  it('aligns the tasks as the pair’s README says, with the changes character by character', async () => {
    const { data, errors } = await gql<{ compare: Comparison }>(COMPARE, { a: A_ID, b: B_ID });
    expect(errors).toBeUndefined();
    const c = data!.compare;
    expect(c.threshold).toBe(0.5);
    expect(c.aligned.map((p) => [p.a.id, p.b.id, p.same])).toEqual([
      [`${A_ID}/task-1`, `${B_ID}/task-2`, false],
      [`${A_ID}/task-2`, `${B_ID}/task-1`, true],
      [`${A_ID}/task-3`, `${B_ID}/task-3`, false],
    ]);
    expect(c.aligned.map((p) => p.score)).toEqual([0.939, 1, 0.51]);
    expect(c.aligned[1]!.sharedPhrases.slice(0, 4)).toEqual(['深化', '学会', '治理', '改革']);
    expect(ids(c.onlyInA)).toEqual([`${A_ID}/task-4`]);
    expect(ids(c.onlyInB)).toEqual([`${B_ID}/task-4`]);
    expect(c.changed.map((p) => [p.a.id, p.b.id])).toEqual([
      [`${A_ID}/task-1`, `${B_ID}/task-2`],
      [`${A_ID}/task-3`, `${B_ID}/task-3`],
    ]);
    const [first, third] = c.changed as [Comparison['changed'][number], Comparison['changed'][number]];
    expect(first.titleDiff).toEqual([{ op: 'SAME', text: '推进基层组织建设' }]);
    expect(first.textDiff.filter((d) => d.op !== 'SAME')).toEqual([{ op: 'ADDED', text: ',实现全覆盖' }]);
    expect(third.titleDiff).toEqual([
      { op: 'SAME', text: '建好' },
      { op: 'REMOVED', text: '网上' },
      { op: 'ADDED', text: '智慧' },
      { op: 'SAME', text: '科' },
      { op: 'REMOVED', text: '技工作者之家' },
      { op: 'ADDED', text: '协平台' },
    ]);
    expect(ids(c.conceptsAppearing)).toEqual(['concept/智慧科协']);
    expect(ids(c.conceptsDisappearing)).toEqual(['concept/网上科技工作者之家']);
    expect(
      c.leadChanges.map((l) => [l.department.id, ids(l.gained), ids(l.lost), ids(l.ledInA), ids(l.ledInB)]),
    ).toEqual([
      [`${DEPT}/信息中心`, [`${B_ID}/task-2`], [], [`${A_ID}/task-3`], [`${B_ID}/task-2`, `${B_ID}/task-3`]],
      [`${DEPT}/科普部`, [`${B_ID}/task-4`], [`${A_ID}/task-4`], [`${A_ID}/task-4`], [`${B_ID}/task-4`]],
    ]);
  });

  it('lets the threshold decide how alike two tasks must be', async () => {
    const { data } = await gql<{ compare: Comparison }>(COMPARE, { a: A_ID, b: B_ID, threshold: 0.6 });
    const c = data!.compare;
    expect(c.aligned.map((p) => p.b.id)).toEqual([`${B_ID}/task-2`, `${B_ID}/task-1`]);
    expect(ids(c.onlyInA)).toEqual([`${A_ID}/task-3`, `${A_ID}/task-4`]);
    expect(ids(c.onlyInB)).toEqual([`${B_ID}/task-3`, `${B_ID}/task-4`]);
  });

  it('refuses an unknown plan and a threshold out of range, by code', async () => {
    const missing = await gql(COMPARE, { a: A_ID, b: 'no-such-plan' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0]?.message).toBe('plan not found: "no-such-plan"');
    const bad = await gql(COMPARE, { a: A_ID, b: B_ID, threshold: 1.5 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toBe(
      'Argument "threshold": expected a number above 0 and at most 1, found 1.5',
    );
  });

  it('answers a repeated compare as the first, and reads the plans again once a load changes one', async () => {
    const ONLY_IN_A = `query ($a: ID!, $b: ID!) { compare(a: $a, b: $b) { onlyInA { id text } } }`;
    const onlyInA = async () => {
      const { data, errors } = await gql<{ compare: { onlyInA: { id: string; text: string }[] } }>(
        ONLY_IN_A,
        {
          a: A_ID,
          b: B_ID,
        },
      );
      expect(errors).toBeUndefined();
      return data!.compare.onlyInA;
    };
    const first = await gql<{ compare: Comparison }>(COMPARE, { a: A_ID, b: B_ID });
    expect((await gql<{ compare: Comparison }>(COMPARE, { a: A_ID, b: B_ID })).data).toEqual(first.data);
    const before = await onlyInA();
    expect(before.map((t) => t.id)).toEqual([`${A_ID}/task-4`]);
    expect(before[0]!.text).toContain('培育青少年科学兴趣。');

    // The edited text replaces plan A (a new graph version): compare answers from the new text.
    mkdirSync(join(scratch, 'compare'), { recursive: true });
    const edited = join(scratch, 'compare', 'qinghe-2020-points.txt');
    writeFileSync(
      edited,
      readFileSync(A, 'utf8').replace('培育青少年科学兴趣', '培育青少年科学兴趣和创新精神'),
    );
    const { text, source } = readPlanFile(edited);
    expect((await loadPlan(db, parsePlan(text, source))).status).toBe('loaded');
    expect((await onlyInA())[0]!.text).toContain('培育青少年科学兴趣和创新精神。');

    // And back: the original text loaded again is what compare answers.
    await loadFiles(db, A);
    expect((await onlyInA())[0]!.text).toContain('培育青少年科学兴趣。');
    expect((await gql<{ compare: Comparison }>(COMPARE, { a: A_ID, b: B_ID })).data).toEqual(first.data);
  });

  it('answers in which plans, since when, a concept and a department appear', async () => {
    const { data } = await gql(`{
      node(id: "${DEPT}/信息中心") { ... on Department { since plans { plan { id } year count } } }
      concepts(filter: { text: "智慧科协" }) { nodes { id since plans { plan { id } year count } } }
    }`);
    expect(data!['node']).toEqual({
      since: 2020,
      plans: [
        { plan: { id: A_ID }, year: 2020, count: 1 },
        { plan: { id: B_ID }, year: 2021, count: 2 },
      ],
    });
    expect(data!['concepts'].nodes).toEqual([
      { id: 'concept/智慧科协', since: 2021, plans: [{ plan: { id: B_ID }, year: 2021, count: 1 }] },
    ]);
  });

  it('says that coverage of a plan without reviewed links rests on derived evidence alone', async () => {
    const { data } = await gql(`{
      plan(id: "${A_ID}") { reviewedLinks reviewedLinksSource { file } }
      coverage(planId: "${A_ID}") { basis { reviewedLinks plansWithoutReviewedLinks statement } }
    }`);
    expect(data!['plan']).toEqual({ reviewedLinks: 0, reviewedLinksSource: null });
    expect(data!['coverage'].basis).toEqual({
      reviewedLinks: 0,
      plansWithoutReviewedLinks: [A_ID],
      statement:
        `No reviewed links for ${A_ID}: SERVES and ADDRESSES there rest on shared phrases and concepts alone, ` +
        'which miss links a reader finds obvious; read the numbers as the text’s wording, not as facts.',
    });
  });
});

describe('removing a plan', () => {
  it('deletes it and only it: the other plan’s graph is identical, shared nodes it uses stay', async () => {
    await emptyGraph(db);
    await loadFiles(db, A, B);
    const before = await planSnapshot(A_ID);
    const removal = await removePlan(db, B_ID);
    expect(removal.planId).toBe(B_ID);
    // 智慧科协 was B's alone; 信息中心, 科普部, 四服务 are still A's.
    expect(removal.pruned).toBe(1);
    expect(await planSnapshot(A_ID)).toEqual(before);
    const shared = await db.read<{ key: string }>('node-by-ids', {
      ids: [`${DEPT}/信息中心`, `${DEPT}/科普部`, 'concept/四服务', 'concept/智慧科协'],
    });
    expect(shared.map((r) => r.key).sort()).toEqual(['concept/四服务', `${DEPT}/信息中心`, `${DEPT}/科普部`]);
    expect((await listPlans(db)).map((p) => p.id)).toEqual([A_ID]);
  });

  it('refuses an id the graph does not hold, naming those it does, and changes nothing', async () => {
    const before = await planSnapshot(A_ID);
    await expect(removePlan(db, B_ID)).rejects.toThrow(NoSuchPlanError);
    await expect(removePlan(db, B_ID)).rejects.toThrow(
      `expected the id of a loaded plan, found "${B_ID}"; the graph holds ${A_ID}`,
    );
    expect(await planSnapshot(A_ID)).toEqual(before);
  });
});

describe('plan ids across edits', () => {
  it('keeps the id when the file is edited, so the edit replaces its plan', async () => {
    await emptyGraph(db);
    await loadFiles(db, A);
    const edited = join(scratch, 'qinghe-2020-points.txt');
    writeFileSync(
      edited,
      readFileSync(A, 'utf8').replace('培育青少年科学兴趣', '培育青少年科学兴趣和创新精神'),
    );
    const { text, source } = readPlanFile(edited);
    const model = parsePlan(text, source);
    expect(model.id).toBe(A_ID);
    expect((await loadPlan(db, model)).status).toBe('loaded');
    const plans = await listPlans(db);
    expect(plans.map((p) => [p.id, p.sha256])).toEqual([[A_ID, source.sha256]]);
  });

  it('refuses another file that states the same issuer, year and kind, naming the file that holds the id', async () => {
    const other = join(scratch, 'copy-of-2020.txt');
    writeFileSync(other, readFileSync(A, 'utf8'));
    const { text, source } = readPlanFile(other);
    const attempt = loadPlan(db, parsePlan(text, source));
    await expect(attempt).rejects.toThrow(PlanIdClashError);
    await expect(loadPlan(db, parsePlan(text, source))).rejects.toThrow(
      `plan id ${A_ID} is already held by qinghe-2020-points.txt; copy-of-2020.txt says the same issuer, year and kind: ` +
        `give it another id (--id ${A_ID}-2), or remove the loaded one first (--remove ${A_ID})`,
    );
  });
});

describe('reviewed links follow the text, not the id', () => {
  it('applies the seed’s reviewed links to an edited copy under another id, matched by their quotes', async () => {
    await emptyGraph(db);
    const copy = join(scratch, 'cast-2018-edited.txt');
    writeFileSync(
      copy,
      readFileSync(SEED, 'utf8').replace(
        '党的十九大对深化改革作出系统部署',
        '党的十九大对深化改革作出了系统部署',
      ),
    );
    const [seed] = await loadFiles(db, SEED);
    const { text, source } = readPlanFile(copy);
    const edited = parsePlan(text, source, { planId: 'cast-2018-edited' });
    await loadPlan(db, edited);
    expect(seed!.reviewed).toEqual({
      file: 'seeds/links/cast-2018.json',
      matchedBy: 'sha256',
      serves: 4,
      addresses: 1,
    });
    expect(edited.reviewed).toEqual({
      file: 'seeds/links/cast-2018.json',
      matchedBy: 'quotes',
      serves: 4,
      addresses: 1,
    });
    const { data } = await gql(`{
      a: coverage(planId: "cast-2018") { goals { goal { number } taskCount } basis { reviewedLinks statement } }
      b: coverage(planId: "cast-2018-edited") { goals { goal { number } taskCount } basis { reviewedLinks } }
      plan(id: "cast-2018-edited") { reviewedLinks reviewedLinksSource { file matchedBy } }
    }`);
    expect(data!['b'].goals).toEqual(data!['a'].goals);
    expect(data!['a'].basis).toEqual({
      reviewedLinks: 5,
      statement: 'Derived edges with 5 reviewed links (seeds/links/) for cast-2018.',
    });
    expect(data!['plan']).toEqual({
      reviewedLinks: 5,
      reviewedLinksSource: { file: 'seeds/links/cast-2018.json', matchedBy: 'QUOTES' },
    });
  });
});
