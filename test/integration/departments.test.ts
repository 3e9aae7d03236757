/**
 * Departments across plans, on the real engine: two cities' 市发改委 are two departments; two
 * national plans' 发展改革委 and 国家发展改革委 are one, each edge keeping the name as written; the
 * cross-plan question "which national department leads most tasks" answers by resolved
 * department. And a folder loaded at once from the command line: a good plan, a cut text and a
 * page that is no plan — one line each, the good plan loaded, the others reported.
 * Fixtures: test/fixtures/departments/README.md.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { listPlans } from '../../src/ingest/load/plans.ts';
import type { PlanModel } from '../../src/ingest/model.ts';
import { emptyGraph, loadFiles, openTestDatabase, parseFile } from '../support/graph.ts';
import { runLoadCli } from '../support/load-cli.ts';
import { startTestServer, type Gql } from '../support/server.ts';

vi.setConfig({ testTimeout: 240_000 });

const CITIES = 'test/fixtures/departments/cities';
const QINGHE = `${CITIES}/qinghe-2020-business-points.txt`;
const BAICHUAN = `${CITIES}/baichuan-2020-business-points.txt`;
const AGRI = 'test/fixtures/departments/national/gov-2018-agri-mechanization-opinions.txt';
const INCENTIVES = 'test/fixtures/departments/national/gov-2018-incentives-notice.txt';
const NDRC = 'dept/国家/国家发展和改革委员会';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
let gql: Gql;

interface Snapshot {
  nodes: { labels: string[]; properties: Record<string, unknown> }[];
  relationships: { from: string; type: string; to: string; properties: Record<string, unknown> }[];
}
const snapshot = async () => (await db.read<Snapshot & Record<string, unknown>>('test-snapshot'))[0]!;
/** Edges out of one department: [type, plan, name as written], sorted. */
const edgesOf = (s: Snapshot, id: string) =>
  s.relationships
    .filter((r) => r.from === id && (r.type === 'LEADS' || r.type === 'PARTICIPATES'))
    .map((r) => [r.type, r.properties['planId'], r.properties['name']])
    .sort((a, b) => String(a).localeCompare(String(b)));

beforeAll(async () => {
  db = openTestDatabase();
  server = await startTestServer(db);
  gql = server.gql;
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe('two cities’ plans', () => {
  beforeAll(async () => {
    await emptyGraph(db);
    await loadFiles(db, QINGHE, BAICHUAN);
  });

  it('give each city its own 市发改委, under the city’s full name, with the names as written on the edges', async () => {
    const s = await snapshot();
    const depts = s.nodes
      .filter((n) => n.labels.includes('Department'))
      .map((n) => [n.properties['id'], n.properties['scope']]);
    expect(depts).toEqual([
      ['dept/白川市/市财政局', '白川市'],
      ['dept/白川市/白川市住房和城乡建设局', '白川市'],
      ['dept/白川市/白川市发展和改革委员会', '白川市'],
      ['dept/青禾市/市政务服务中心', '青禾市'],
      ['dept/青禾市/市财政局', '青禾市'],
      ['dept/青禾市/青禾市住房和城乡建设局', '青禾市'],
      ['dept/青禾市/青禾市发展和改革委员会', '青禾市'],
      ['dept/青禾市/青禾市市场监督管理局', '青禾市'],
    ]);
    expect(edgesOf(s, 'dept/青禾市/青禾市发展和改革委员会')).toEqual([
      ['LEADS', 'qhsrmzf-2020-points', '市发改委'],
      ['LEADS', 'qhsrmzf-2020-points', '市发改委'],
    ]);
    expect(edgesOf(s, 'dept/白川市/白川市发展和改革委员会')).toEqual([
      ['LEADS', 'bcsrmzf-2020-points', '市发展改革委'],
      ['LEADS', 'bcsrmzf-2020-points', '市发改委'],
    ]);
  });

  it('answers scope and aliases through the API', async () => {
    const { data, errors } = await gql(`{
      departments(scope: "白川市", orderBy: TASKS_DESC) { id name scope aliases leads { name task { id } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!['departments']).toEqual([
      {
        id: 'dept/白川市/白川市发展和改革委员会',
        name: '白川市发展和改革委员会',
        scope: '白川市',
        aliases: ['市发展和改革委员会', '市发展改革委', '白川市发展改革委', '市发改委', '白川市发改委'],
        leads: [
          { name: '市发展改革委', task: { id: 'bcsrmzf-2020-points/task-1' } },
          { name: '市发改委', task: { id: 'bcsrmzf-2020-points/task-2' } },
        ],
      },
    ]);
  });
});

describe('two national plans', () => {
  let models: PlanModel[];
  beforeAll(async () => {
    await emptyGraph(db);
    // Both documents state 国务院, 2018 and no kind word: they get their own ids here.
    models = await loadFiles(db, [AGRI, 'gov-2018-agri'], [INCENTIVES, 'gov-2018-incentives']);
  });

  it('make 发展改革委 and 国家发展改革委 one department, both names kept on its edges', async () => {
    const s = await snapshot();
    const node = s.nodes.find((n) => n.properties['id'] === NDRC)!;
    expect(node.properties).toMatchObject({
      name: '国家发展和改革委员会',
      scope: '国家',
      aliases: ['国家发展改革委', '发展改革委'],
      fullName: '国家发展和改革委员会',
    });
    const names = edgesOf(s, NDRC).map(([, planId, name]) => `${planId}:${name}`);
    expect(new Set(names)).toEqual(
      new Set(['gov-2018-agri:发展改革委', 'gov-2018-incentives:国家发展改革委']),
    );
    // One edge per task and department: as many as the two plans' tasks naming it, by either name.
    const tasksNaming = models.flatMap((m) =>
      [...m.leads, ...m.participations].filter((l) => l.departmentId === NDRC).map((l) => l.taskId),
    );
    expect(edgesOf(s, NDRC)).toHaveLength(new Set(tasksNaming).size);
    expect(s.nodes.some((n) => n.properties['id'] === 'dept/发展改革委')).toBe(false);
  });

  it('answers "which national department leads most tasks" by resolved department', async () => {
    const { data, errors } = await gql(`{
      departments(scope: "国家", orderBy: TASKS_DESC, first: 3) { id name tasks { id } }
    }`);
    expect(errors).toBeUndefined();
    // What the two plans say, counted from their parsed leads: tasks per resolved department.
    const led = new Map<string, Set<string>>();
    for (const m of models)
      for (const l of m.leads) led.set(l.departmentId, (led.get(l.departmentId) ?? new Set()).add(l.taskId));
    const name = new Map(models.flatMap((m) => m.departments.map((d) => [d.id, d.name] as const)));
    const expected = [...led.entries()]
      .map(([id, tasks]) => ({ id, name: name.get(id)!, tasks: tasks.size }))
      .sort((a, b) => b.tasks - a.tasks || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, 3);
    const answer = (data!['departments'] as { id: string; name: string; tasks: unknown[] }[]).map((d) => ({
      id: d.id,
      name: d.name,
      tasks: d.tasks.length,
    }));
    expect(answer).toEqual(expected);
    expect(answer.every((d) => d.id.startsWith('dept/国家/'))).toBe(true);
  });

  it('refuses a page size out of range by code', async () => {
    const { errors } = await gql(`{ departments(scope: "国家", first: 501) { id } }`);
    expect(errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toBe('Argument "first": expected an integer from 0 to 500, found 501');
  });
});

describe('a folder loaded at once (npm run load -- DIR)', () => {
  let folder: string;
  // The good plan's warnings are whatever the parser notes: the line reports them.
  const warnings = parseFile(QINGHE).warnings.length;
  beforeAll(async () => {
    await emptyGraph(db);
    folder = mkdtempSync(join(tmpdir(), 'plan-graph-folder-'));
    mkdirSync(join(folder, 'more'));
    copyFileSync(QINGHE, join(folder, 'a-good.txt'));
    copyFileSync('test/fixtures/corpus/heilongjiang-2019-reform-points.txt', join(folder, 'b-cut.txt'));
    copyFileSync('test/fixtures/bad/no-plan.txt', join(folder, 'more', 'c-no-plan.txt'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('loads the good plan, reports the others, and says so in its exit code and report', async () => {
    const report = join(folder, 'report.json');
    const { code, stdout } = await runLoadCli(['--report', report, folder]);
    expect(stdout.split('\n')).toEqual([
      `complete   ${folder}/a-good.txt  qhsrmzf-2020-points  tasks 3, leads 3, participants 3, warnings ${warnings}  loaded`,
      expect.stringMatching(new RegExp(`^refused {4}${folder}/b-cut\\.txt {2}TRUNCATED at line 5: `)),
      expect.stringMatching(new RegExp(`^refused {4}${folder}/more/c-no-plan\\.txt {2}NO_PLAN: `)),
      `total: 3 files: 1 complete, 0 partial, 2 refused, 0 unreadable; tasks 3, leads 3, participants 3, warnings ${warnings}; loaded 1, unchanged 0, failed 0`,
      '',
    ]);
    expect(code).toBe(1);
    expect((await listPlans(db)).map((p) => [p.id, p.tasks])).toEqual([['qhsrmzf-2020-points', 3]]);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.totals).toMatchObject({ files: 3, complete: 1, refused: 2, loaded: 1, failed: 0 });
    expect(
      json.files.map((f: { verdict: string; code: string | null; load?: string }) => [
        f.verdict,
        f.code,
        f.load,
      ]),
    ).toEqual([
      ['complete', null, 'loaded'],
      ['refused', 'TRUNCATED', undefined],
      ['refused', 'NO_PLAN', undefined],
    ]);
  });

  it('a second run of the same folder writes nothing new: unchanged', async () => {
    const { code, stdout } = await runLoadCli([join(folder, 'a-good.txt'), join(folder, 'more')]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      `qhsrmzf-2020-points  tasks 3, leads 3, participants 3, warnings ${warnings}  unchanged\n`,
    );
    expect(stdout).toContain('; loaded 0, unchanged 1, failed 0\n');
  });
});
