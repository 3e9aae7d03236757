import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { emptyGraph, loadFiles, openTestDatabase, SECOND_PLAN, SEED } from '../support/graph.ts';
import { explainStatement } from '../support/explain.ts';
import { startTestServer } from '../support/server.ts';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED, SECOND_PLAN);
  server = await startTestServer(db);
});
afterAll(async () => {
  await server.close();
  await db.close();
});

const COVERAGE_STATEMENTS = [
  'coverage-goals',
  'coverage-tasks-serving-none',
  'coverage-departments',
  'coverage-shared-tasks',
  'coverage-concepts',
  'coverage-concepts-once',
  'coverage-elements-without-concept',
  'coverage-problems',
  'coverage-unaddressed-problems',
];

describe('coverage whose cost grows with the answer, not the graph', () => {
  it('finds a plan’s elements through an index (Entity(planId), Goal(id)): no statement scans a label other than Plan', async () => {
    for (const name of COVERAGE_STATEMENTS) {
      const values = { planId: 'cast-2018', planIds: ['cast-2018'], offset: 0, first: 100 };
      const all = await explainStatement(db, name, values);
      const scans = all
        .filter(
          (op) => op.operatorType.startsWith('NodeByLabelScan') || op.operatorType.startsWith('AllNodesScan'),
        )
        .map((op) => String(op.arguments['Details']));
      expect({ name, scans: scans.filter((d) => !/:Plan$/.test(d)) }).toEqual({ name, scans: [] });
      // Entity(planId), or Goal(id) by the plan's id prefix (coverage-goals).
      expect(all.some((op) => /^Node(Unique)?IndexSeek/.test(op.operatorType))).toBe(true);
    }
  });

  it('pages through elements without a concept: two pages of 5 are the first 10 of the list', async () => {
    const ids = async (args: string) => {
      const { data, errors } = await server.gql<{ coverage: { elementsWithoutConcept: { id: string }[] } }>(
        `{ coverage(planId: "cast-2018") { elementsWithoutConcept${args} { id } } }`,
      );
      expect(errors).toBeUndefined();
      return data!.coverage.elementsWithoutConcept.map((e) => e.id);
    };
    const whole = await ids('');
    expect(whole.length).toBeGreaterThan(10);
    expect([...(await ids('(first: 5)')), ...(await ids('(first: 5, offset: 5)'))]).toEqual(
      whole.slice(0, 10),
    );
    expect(await ids(`(offset: ${whole.length})`)).toEqual([]);
  });

  it("pages the lists inside a row: a department's tasks and a concept's elements, tasks and goals", async () => {
    type Load = { department: { name: string }; taskCount: number; tasks: { id: string }[] };
    const loads = async (args: string) => {
      const { data, errors } = await server.gql<{ coverage: { departments: Load[] } }>(
        `{ coverage(planId: "cast-2018") { departments { department { name } taskCount tasks${args} { id } } } }`,
      );
      expect(errors).toBeUndefined();
      return data!.coverage.departments;
    };
    const whole = await loads('');
    const xueHui = whole.find((d) => d.department.name === '学会部')!;
    expect(xueHui.taskCount).toBe(2);
    // The seed: tasks 5 and 7 end on “(学会部牵头)”.
    expect(xueHui.tasks.map((t) => t.id)).toEqual(['cast-2018/task-5', 'cast-2018/task-7']);
    const first = (await loads('(first: 1)')).find((d) => d.department.name === '学会部')!;
    const second = (await loads('(first: 1, offset: 1)')).find((d) => d.department.name === '学会部')!;
    expect([first.tasks, second.tasks]).toEqual([[{ id: 'cast-2018/task-5' }], [{ id: 'cast-2018/task-7' }]]);
    expect(first.taskCount).toBe(2);
    // Two pages of one list under aliases: the statement brings every id, each alias cuts its own.
    const aliased = await server.gql<{
      coverage: { departments: { department: { name: string }; a: { id: string }[]; b: { id: string }[] }[] };
    }>(
      '{ coverage(planId: "cast-2018") { departments { department { name } a: tasks(first: 1) { id } b: tasks(first: 1, offset: 1) { id } } } }',
    );
    expect(aliased.errors).toBeUndefined();
    const both = aliased.data!.coverage.departments.find((d) => d.department.name === '学会部')!;
    expect([both.a, both.b]).toEqual([[{ id: 'cast-2018/task-5' }], [{ id: 'cast-2018/task-7' }]]);

    type Reach = {
      concept: { name: string };
      elementCount: number;
      elementIds: string[];
      tasks: { id: string }[];
    };
    const reach = async (args: string) => {
      const { data, errors } = await server.gql<{ coverage: { concepts: Reach[] } }>(
        `{ coverage(planId: "cast-2018") { concepts { concept { name } elementCount elementIds${args} tasks${args} { id } } } }`,
      );
      expect(errors).toBeUndefined();
      return data!.coverage.concepts.find((c) => c.concept.name === '四服务')!;
    };
    const all = await reach('');
    expect(all.elementIds.length).toBe(all.elementCount);
    const page = await reach('(first: 1, offset: 1)');
    expect(page.elementIds).toEqual(all.elementIds.slice(1, 2));
    expect(page.tasks).toEqual(all.tasks.slice(1, 2));
    expect(page.elementCount).toBe(all.elementCount);
  });

  it('refuses a page larger than 500 or a negative offset, naming the argument', async () => {
    const big = await server.gql('{ coverage { tasksServingNoGoal(first: 501) { id } } }');
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const negative = await server.gql('{ coverage { unaddressedProblems(offset: -1) { id } } }');
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(negative.errors?.[0]?.message).toBe(
      'Argument "offset": expected an integer from 0 to 10000000, found -1',
    );
    const inner = await server.gql('{ coverage { departments { tasks(offset: -2) { id } } } }');
    expect(inner.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inner.errors?.[0]?.message).toBe(
      'Argument "offset": expected an integer from 0 to 10000000, found -2',
    );
  });

  it('answers the same for all plans as for each plan together', async () => {
    const one = async (plan: string) => {
      const { data } = await server.gql<{ coverage: { tasksServingNoGoal: { id: string }[] } }>(
        `{ coverage(planId: ${plan}) { tasksServingNoGoal { id } } }`,
      );
      return data!.coverage.tasksServingNoGoal.map((t) => t.id);
    };
    const [all, seed, second] = await Promise.all([one('null'), one('"cast-2018"'), one('"local-2019"')]);
    expect(all).toEqual([...seed, ...second]);
  });
});
