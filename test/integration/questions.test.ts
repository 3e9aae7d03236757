/**
 * Questions across plans, on real plans: first the two the README's `npm start` loads (the seed and
 * CAST's 2025 工作要点), then a small library beside them — the hand-made 青禾 pair, the city plan
 * and the stand-in of the seed's parent, two State Council opinions and two notices of
 * test/fixtures/corpus-full/. Each question is one statement that finds its start through an index.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { explainStatement } from '../support/explain.ts';
import { startTestServer } from '../support/server.ts';

const CAST_2025 = 'seeds/cast-2025-work-points.txt';
const LIBRARY: (string | [string, string])[] = [
  'test/fixtures/plans/pair/qinghe-2020-points.txt',
  'test/fixtures/plans/pair/qinghe-2021-points.txt',
  'test/fixtures/plans/chain/qinghe-2022-points.txt',
  'test/fixtures/plans/local-2019-tasks.txt',
  'test/fixtures/plans/cited/reform-plan-stand-in.txt',
  'test/fixtures/plans/cited/qinghe-2019-review-points.txt',
  ['test/fixtures/corpus-full/gov-2018-law-enforcement-disclosure-opinions.txt', 'gwy-2018-enforcement'],
  ['test/fixtures/corpus-full/gov-2018-normative-docs-review-opinions.txt', 'gwy-2018-review'],
  'test/fixtures/corpus-full/gov-2019-financing-guarantee-opinions.txt',
  'test/fixtures/corpus-full/gov-2019-kindergarten-remediation-notice.txt',
];

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED, CAST_2025);
  server = await startTestServer(db);
});
afterAll(async () => {
  await server.close();
  await db.close();
});

type Row = Record<string, unknown>;

/** The answer's data, after checking it came without errors. */
async function ask<T = Row>(query: string): Promise<T> {
  const { data, errors } = await server.gql<T>(query);
  expect(errors).toBeUndefined();
  return data!;
}

/** The error of a query that must fail: its code and message. */
async function refusal(query: string): Promise<{ code: string | undefined; message: string | undefined }> {
  const { errors } = await server.gql(query);
  return { code: errors?.[0]?.extensions?.code, message: errors?.[0]?.message };
}

const CONCEPT = (page = '') =>
  `{ concept(name: "四服务") { plansByYear${page} { year plan { id } mentionCount elementCount } } }`;
const DEPARTMENT = (name: string, scope = '') =>
  `{ department(name: "${name}"${scope}) { id plansByYear { year plan { id } leadCount participationCount } } }`;
const CITING = (title: string) =>
  `{ document(title: "${title}") { citingPlans { year plan { id } citationCount firstCitation { element { id } source { line quote } } } } }`;
const LINEAGE = (id: string) =>
  `{ node(id: "${id}") { ... on Task { lineage { task { id } plan { id } year direction hops relation score } } } }`;

const rowsOf = (data: Row, ...path: string[]) => path.reduce<unknown>((v, k) => (v as Row)[k], data) as Row[];

describe('on the two plans npm start loads (the seed and CAST 2025)', () => {
  it('a concept over time: 四服务 only in the seed, once, in one element', async () => {
    expect(rowsOf(await ask(CONCEPT()), 'concept', 'plansByYear')).toEqual([
      { year: 2018, plan: { id: 'cast-2018' }, mentionCount: 1, elementCount: 1 },
    ]);
  });

  it('a department over time: 组人部 leads two tasks of the seed', async () => {
    expect(await ask(DEPARTMENT('组人部'))).toEqual({
      department: {
        id: 'dept/组人部',
        plansByYear: [{ year: 2018, plan: { id: 'cast-2018' }, leadCount: 2, participationCount: 0 }],
      },
    });
  });

  it('the plans citing a document: the seed cites its parent once, in the preamble, with the quote', async () => {
    expect(rowsOf(await ask(CITING('科协系统深化改革实施方案')), 'document', 'citingPlans')).toEqual([
      {
        year: 2018,
        plan: { id: 'cast-2018' },
        citationCount: 1,
        firstCitation: {
          element: { id: 'cast-2018' },
          source: { line: 28, quote: '《科协系统深化改革实施方案》' },
        },
      },
    ]);
  });

  it('the plans continuing a task: no task of the seed is carried into CAST 2025 (their words differ too much)', async () => {
    const { plan } = await ask<{ plan: { tasks: { id: string; lineage: unknown[] }[] } }>(
      '{ plan(id: "cast-2018") { tasks { id lineage { hops } } } }',
    );
    expect(plan.tasks.length).toBe(10);
    expect(plan.tasks.filter((t) => t.lineage.length > 0)).toEqual([]);
  });

  it('the plan switcher’s listing reads no plan’s text, and answers as the whole plans do, cut text and missing goals included', async () => {
    const LISTED =
      'id title noticeTitle issuer issuedDate issuedDateRaw publishedDate approvedBy loaderVersion complete stopsAtLine caveats';
    const read = vi.spyOn(db, 'read');
    try {
      const narrow = await ask<{ plans: Row[] }>(`{ plans { ${LISTED} } }`);
      const listed = read.mock.calls.map((c) => c[0]);
      read.mockClear();
      const whole = await ask<{ plans: (Row & { preamble: string })[] }>(`{ plans { ${LISTED} preamble } }`);
      expect(listed).toContain('plans-listing');
      expect(listed).not.toContain('plans-all');
      expect(read.mock.calls.map((c) => c[0])).toContain('plans-all');
      expect(narrow.plans).toEqual(whole.plans.map(({ preamble: _text, ...rest }) => rest));
      expect(narrow.plans.map((p) => [p['id'], p['complete'], p['stopsAtLine'], p['caveats']])).toEqual([
        ['cast-2018', true, null, []],
        [
          'cast-2025-points',
          false,
          25,
          [
            'cast-2025-points is a cut text: its source stops at line 25 (in task 2) and nothing after that was read; ' +
              'counts, coverage and comparisons cover only the part read.',
            'cast-2025-points has no goals (主要目标) in the text read: there is no coverage of goals to show, ' +
              'and no task can be said to serve one.',
          ],
        ],
      ]);
    } finally {
      read.mockRestore();
    }
  });

  it('coverage of the two plans together: departments summed over both, goals of both', async () => {
    const pair = await ask(
      '{ coverage(planIds: ["cast-2018", "cast-2025-points"]) { goals { goal { id } taskCount } departments { department { id } taskCount } } }',
    );
    const one = async (planId: string) =>
      ask(
        `{ coverage(planId: "${planId}") { goals { goal { id } taskCount } departments { department { id } taskCount } } }`,
      );
    const [seed, points] = [await one('cast-2018'), await one('cast-2025-points')];
    const sum = new Map<string, number>();
    for (const row of [
      ...rowsOf(seed, 'coverage', 'departments'),
      ...rowsOf(points, 'coverage', 'departments'),
    ]) {
      const id = (row['department'] as Row)['id'] as string;
      sum.set(id, (sum.get(id) ?? 0) + (row['taskCount'] as number));
    }
    const together = rowsOf(pair, 'coverage', 'departments');
    expect(new Map(together.map((r) => [(r['department'] as Row)['id'], r['taskCount']]))).toEqual(sum);
    expect(together.length).toBe(9);
    expect(rowsOf(pair, 'coverage', 'goals').length).toBe(
      rowsOf(seed, 'coverage', 'goals').length + rowsOf(points, 'coverage', 'goals').length,
    );
  });
});

describe('on a library of twelve plans', () => {
  beforeAll(async () => {
    await loadFiles(db, ...LIBRARY);
  });

  it('a concept over time: 四服务 from the 2016 scheme to the 2022 points, oldest first', async () => {
    expect(rowsOf(await ask(CONCEPT()), 'concept', 'plansByYear')).toEqual([
      { year: 2016, plan: { id: 'cast-2016-scheme' }, mentionCount: 1, elementCount: 1 },
      { year: 2018, plan: { id: 'cast-2018' }, mentionCount: 1, elementCount: 1 },
      { year: 2019, plan: { id: 'local-2019' }, mentionCount: 2, elementCount: 2 },
      { year: 2020, plan: { id: 'qhskx-2020-points' }, mentionCount: 2, elementCount: 2 },
      { year: 2021, plan: { id: 'qhskx-2021-points' }, mentionCount: 2, elementCount: 2 },
      { year: 2022, plan: { id: 'qhskx-2022-points' }, mentionCount: 2, elementCount: 2 },
    ]);
  });

  it('pages a question: two rows from the second are rows 2 and 3 of the whole', async () => {
    const whole = rowsOf(await ask(CONCEPT()), 'concept', 'plansByYear');
    expect(rowsOf(await ask(CONCEPT('(first: 2, offset: 1)')), 'concept', 'plansByYear')).toEqual(
      whole.slice(1, 3),
    );
    expect(rowsOf(await ask(CONCEPT('(offset: 6)')), 'concept', 'plansByYear')).toEqual([]);
    expect(await refusal(CONCEPT('(first: 501)'))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Argument "first": expected an integer from 0 to 500, found 501',
    });
  });

  it('a department over time: a name two scopes share needs its scope, then 信息中心 of 青禾市科协 year by year', async () => {
    expect(await refusal(DEPARTMENT('组人部'))).toEqual({
      code: 'BAD_USER_INPUT',
      message:
        'Argument "scope": expected the scope of one of the departments "组人部" names ' +
        '(中国科协: dept/组人部, 青禾市科协: dept/青禾市科协/组人部), found null',
    });
    expect(await ask(DEPARTMENT('组人部', ', scope: "中国科协"'))).toEqual({
      department: {
        id: 'dept/组人部',
        plansByYear: [
          { year: 2016, plan: { id: 'cast-2016-scheme' }, leadCount: 2, participationCount: 0 },
          { year: 2018, plan: { id: 'cast-2018' }, leadCount: 2, participationCount: 0 },
        ],
      },
    });
    // The pair's table: 信息中心 co-leads the 2021 task 2 besides task 3 of both years.
    expect(rowsOf(await ask(DEPARTMENT('dept/青禾市科协/信息中心')), 'department', 'plansByYear')).toEqual([
      { year: 2019, plan: { id: 'local-2019' }, leadCount: 1, participationCount: 0 },
      { year: 2020, plan: { id: 'qhskx-2020-points' }, leadCount: 1, participationCount: 0 },
      { year: 2021, plan: { id: 'qhskx-2021-points' }, leadCount: 2, participationCount: 0 },
      { year: 2022, plan: { id: 'qhskx-2022-points' }, leadCount: 2, participationCount: 0 },
    ]);
    expect(await refusal(DEPARTMENT('宣传部长'))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the plans citing a meeting: five plans of 2018 and 2019, each with its first quote', async () => {
    expect(rowsOf(await ask(CITING('党的十九届三中全会')), 'document', 'citingPlans')).toEqual([
      {
        year: 2018,
        plan: { id: 'cast-2018' },
        citationCount: 3,
        firstCitation: {
          element: { id: 'cast-2018' },
          source: { line: 28, quote: '十九届一中、二中、三中全会' },
        },
      },
      {
        year: 2018,
        plan: { id: 'gwy-2018-enforcement' },
        citationCount: 1,
        firstCitation: {
          element: { id: 'gwy-2018-enforcement/sec-1/sec-1' },
          source: { line: 10, quote: '十九届二中、三中全会' },
        },
      },
      {
        year: 2018,
        plan: { id: 'gwy-2018-review' },
        citationCount: 1,
        firstCitation: {
          element: { id: 'gwy-2018-review/sec-1/sec-1' },
          source: { line: 8, quote: '十九届二中、三中全会' },
        },
      },
      {
        year: 2019,
        plan: { id: 'gwy-2019-gbf3' },
        citationCount: 1,
        firstCitation: {
          element: { id: 'gwy-2019-gbf3/sec-1' },
          source: { line: 8, quote: '十九届二中、三中全会' },
        },
      },
      {
        year: 2019,
        plan: { id: 'gwy-2019-gbf6' },
        citationCount: 1,
        firstCitation: {
          element: { id: 'gwy-2019-gbf6/sec-1/sec-1' },
          source: { line: 9, quote: '十九届二中、三中全会' },
        },
      },
    ]);
  });

  it('every citation of a document, across all plans, one page at a time with the plan’s year and the quote', async () => {
    const citations = (page: string) =>
      ask<{ document: { citedBy: Row[] } }>(
        `{ document(title: "党的十九届三中全会") { citedBy${page} { plan { id year } source { quote } } } }`,
      ).then((d) => d.document.citedBy);
    const all = await citations('');
    expect(all.map((c) => (c['plan'] as Row)['id'])).toEqual([
      'cast-2018',
      'cast-2018',
      'cast-2018',
      'gwy-2018-enforcement',
      'gwy-2018-review',
      'gwy-2019-gbf3',
      'gwy-2019-gbf6',
    ]);
    expect(await citations('(first: 2, offset: 3)')).toEqual([
      { plan: { id: 'gwy-2018-enforcement', year: 2018 }, source: { quote: '十九届二中、三中全会' } },
      { plan: { id: 'gwy-2018-review', year: 2018 }, source: { quote: '十九届二中、三中全会' } },
    ]);
    expect(await citations('(offset: 6)')).toEqual(all.slice(6));
    expect(await refusal('{ document(title: "党的十九届三中全会") { citedBy(first: -1) { id } } }')).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Argument "first": expected an integer from 0 to 500, found -1',
    });
  });

  const link = (
    id: string,
    year: number,
    direction: string,
    hops: number,
    relation: string,
    score: number,
  ) => ({
    task: { id },
    plan: { id: id.split('/')[0] },
    year,
    direction,
    hops,
    relation,
    score,
  });

  it('the plans continuing a task, both ways: the 2021 task 1 is 2020’s task 2 unchanged and 2022’s task 1', async () => {
    expect(rowsOf(await ask(LINEAGE('qhskx-2021-points/task-1')), 'node', 'lineage')).toEqual([
      link('local-2019/task-2', 2019, 'EARLIER', 1, 'CONTINUES', 0.854),
      link('qhskx-2020-points/task-2', 2020, 'EARLIER', 1, 'SAME_AS', 1),
      link('qhskx-2022-points/task-1', 2022, 'LATER', 1, 'SAME_AS', 1),
    ]);
  });

  it('the plans continuing a task, from the earliest: every later plan that carries it on', async () => {
    expect(rowsOf(await ask(LINEAGE('local-2019/task-1')), 'node', 'lineage')).toEqual([
      link('qhskx-2020-points/task-1', 2020, 'LATER', 1, 'CONTINUES', 0.892),
      link('qhskx-2021-points/task-2', 2021, 'LATER', 1, 'CONTINUES', 0.844),
      link('qhskx-2022-points/task-2', 2022, 'LATER', 1, 'CONTINUES', 0.841),
    ]);
  });

  it('follows a chain the loader never linked end to end: 2022’s task 3 back to 2019 in three links', async () => {
    // 2022 → 2021 → 2020 → 2019 (local-2019's task 3, which 2020's continues); 2022's task 3 is too far
    // from 2020's and 2019's to be aligned with them directly, and 2021's from 2019's.
    expect(rowsOf(await ask(LINEAGE('qhskx-2022-points/task-3')), 'node', 'lineage')).toEqual([
      link('local-2019/task-3', 2019, 'EARLIER', 3, 'CONTINUES', 0.51),
      link('qhskx-2020-points/task-3', 2020, 'EARLIER', 2, 'CONTINUES', 0.51),
      link('qhskx-2021-points/task-3', 2021, 'EARLIER', 1, 'CONTINUES', 0.624),
    ]);
    expect(rowsOf(await ask(LINEAGE('qhskx-2020-points/task-3')), 'node', 'lineage')).toEqual([
      link('local-2019/task-3', 2019, 'EARLIER', 1, 'CONTINUES', 0.869),
      link('qhskx-2021-points/task-3', 2021, 'LATER', 1, 'CONTINUES', 0.51),
      link('qhskx-2022-points/task-3', 2022, 'LATER', 2, 'CONTINUES', 0.51),
    ]);
  });

  it('coverage of the 青禾 pair: each department’s load summed over both years, counts of the set', async () => {
    const { coverage } = await ask<{ coverage: Row }>(
      '{ coverage(planIds: ["qhskx-2020-points", "qhskx-2021-points", "qhskx-2020-points"]) { goals { goal { id } } departments { department { id } taskCount subItemCount tasks { id } } counts { nodes { label count } } } }',
    );
    expect(coverage['goals']).toEqual([]);
    expect(coverage['departments']).toEqual([
      {
        department: { id: 'dept/青禾市科协/信息中心' },
        taskCount: 3,
        subItemCount: 2,
        tasks: [
          { id: 'qhskx-2020-points/task-3' },
          { id: 'qhskx-2021-points/task-2' },
          { id: 'qhskx-2021-points/task-3' },
        ],
      },
      {
        department: { id: 'dept/青禾市科协/组人部' },
        taskCount: 2,
        subItemCount: 4,
        tasks: [{ id: 'qhskx-2020-points/task-1' }, { id: 'qhskx-2021-points/task-2' }],
      },
      {
        department: { id: 'dept/青禾市科协/学会部' },
        taskCount: 2,
        subItemCount: 0,
        tasks: [{ id: 'qhskx-2020-points/task-2' }, { id: 'qhskx-2021-points/task-1' }],
      },
      {
        department: { id: 'dept/青禾市科协/科普部' },
        taskCount: 2,
        subItemCount: 0,
        tasks: [{ id: 'qhskx-2020-points/task-4' }, { id: 'qhskx-2021-points/task-4' }],
      },
    ]);
    // Shared nodes once: the pair names four departments and three concepts between them.
    expect(coverage['counts']).toEqual({
      nodes: [
        { label: 'Concept', count: 3 },
        { label: 'Department', count: 4 },
        { label: 'Guarantee', count: 2 },
        { label: 'Plan', count: 2 },
        { label: 'Section', count: 6 },
        { label: 'SubItem', count: 4 },
        { label: 'Task', count: 8 },
      ],
    });
  });

  it('refuses a set of plans given with planId, empty, or naming a plan not loaded', async () => {
    expect(
      await refusal('{ coverage(planId: "cast-2018", planIds: ["cast-2018"]) { goals { taskCount } } }'),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      message:
        'Argument "planIds": expected either planId or planIds, not both, found {"planId":"cast-2018","planIds":["cast-2018"]}',
    });
    expect(await refusal('{ coverage(planIds: []) { goals { taskCount } } }')).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Argument "planIds": expected 1 to 1000 plan ids, found "0 ids"',
    });
    expect(
      await refusal('{ coverage(planIds: ["cast-2018", "cast-2025"]) { goals { taskCount } } }'),
    ).toEqual({
      code: 'NOT_FOUND',
      message: 'planIds not found: "cast-2025"',
    });
  });
});

describe('each question finds its start through an index', () => {
  const QUESTIONS = [
    'concept-plans-by-year',
    'department-plans-by-year',
    'document-citing-plans',
    'task-lineage',
    'count-plans-labels',
    'count-plans-relationships',
    // The start page's page of plans: a range of the unique :Plan(id) index, each plan's counts by :Entity(planId).
    'landing-plans',
  ];

  it('no statement scans a label, and each seeks an index', async () => {
    const values: Record<string, unknown> = {
      keys: [{ id: 'concept/四服务', offset: 0, first: 100, key: 'k' }],
      planIds: ['qhskx-2020-points', 'qhskx-2021-points'],
      after: '',
      text: null,
      first: 51,
    };
    for (const name of QUESTIONS) {
      const all = await explainStatement(db, name, values);
      const scans = all
        .filter((op) =>
          /^(NodeByLabelScan|AllNodesScan|DirectedRelationshipTypeScan|UndirectedRelationshipTypeScan)/.test(
            op.operatorType,
          ),
        )
        .map((op) => String(op.arguments['Details']));
      expect({ name, scans }).toEqual({ name, scans: [] });
      expect({ name, seeks: all.some((op) => /^Node(Unique)?IndexSeek/.test(op.operatorType)) }).toEqual({
        name,
        seeks: true,
      });
    }
  });

  it('a task’s line visits each task once, breadth-first, and reads chains only between two known tasks', async () => {
    // SHORTEST to every task reachable enumerates the chains between them, which a library of a thousand
    // plans makes countless (the statement ran out of the request's time): the plan must not hold it.
    const all = await explainStatement(db, 'task-lineage', {
      keys: [{ id: 'qhskx-2021-points/task-1', offset: 0, first: 100, key: 'k' }],
    });
    const kinds = (pattern: RegExp) =>
      all.filter((op) => pattern.test(op.operatorType)).map((op) => op.operatorType.replace(/@.*/, ''));
    // Both ways: one breadth-first search each, pruning every task already reached.
    expect(kinds(/^VarLengthExpand/)).toEqual([
      'VarLengthExpand(Pruning,BFS,All)',
      'VarLengthExpand(Pruning,BFS,All)',
    ]);
    // The chains: a shortest path between the task and one task of the page (both ends bound).
    expect(kinds(/ShortestPath/)).toEqual(['ShortestPath', 'ShortestPath']);
  });
});
