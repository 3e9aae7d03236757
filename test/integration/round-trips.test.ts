import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, QueryEvent } from '../../src/db/database.ts';
import { emptyGraph, loadFiles, openTestDatabase, SECOND_PLAN, SEED } from '../support/graph.ts';
import { startTestServer } from '../support/server.ts';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;

/** Runs one operation and returns the statements it sent to Neo4j, in order. */
async function trips(query: string): Promise<string[]> {
  const seen: QueryEvent[] = [];
  const stop = db.onQuery((event) => seen.push(event));
  try {
    const { errors } = await server.gql(query);
    expect(errors).toBeUndefined();
  } finally {
    stop();
  }
  return seen.map((e) => e.name);
}

const EVERY_TASK = `{ tasks {
  id title
  subItems { id title }
  leadDepartments { name }
  serves { score goal { id title } }
  concepts { name }
} }`;

const COVERAGE = `{ coverage(planId: null) {
  goals { goal { id } taskCount servedBy { task { id } } }
  departments { department { name } tasks { id } goals { id } sharesTasksWith { name } }
  concepts { concept { name } tasks { id } goals { id } }
  problems { problem { name } addressedBy { element { id } } }
  counts { nodes { label count } }
} }`;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  server = await startTestServer(db);
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe('round trips to Neo4j per operation', () => {
  it('fetching every task with sub-items, lead departments, served goals and concepts costs one statement, for one plan or three', async () => {
    const onePlan = await trips(EVERY_TASK);
    // The tasks bring the children the query selects in the same statement (look-ahead): sub-items,
    // leads with their departments, serves with their goals, concepts.
    expect(onePlan).toEqual(['tasks-filtered']);
    await loadFiles(db, SECOND_PLAN, [SEED, 'cast-2018-copy']);
    const threePlans = await trips(EVERY_TASK);
    expect(threePlans.sort()).toEqual(onePlan);
    const { data } = await server.gql<{ tasks: unknown[] }>('{ tasks { id } }');
    expect(data!.tasks.length).toBeGreaterThan(20);
  });

  it('a dashboard of coverage fields costs one aggregating query per field plus one batch per level', async () => {
    const sent = await trips(COVERAGE);
    const aggregates = sent.filter((n) => n.startsWith('coverage-') || n.startsWith('count-'));
    expect(aggregates.sort()).toEqual(
      [
        'coverage-goals',
        'coverage-departments',
        'coverage-concepts',
        'coverage-problems',
        'count-all-labels',
        'count-all-relationships',
      ].sort(),
    );
    // Plus one batch for the serving edges of every goal and one for the addressing edges of every
    // problem (the pages of departments' and concepts' tasks and goals come with their rows).
    expect(sent.filter((n) => !aggregates.includes(n)).sort()).toEqual([
      'addresses-by-problems',
      'serves-by-goals',
    ]);
  });

  it('goals with the tasks serving them, a task by id with its lead departments, and departments with their tasks cost one statement each', async () => {
    expect(
      await trips('{ goals(planId: "cast-2018") { id servedBy { score task { number title } } } }'),
    ).toEqual(['goals-by-plan']);
    expect(
      await trips('{ node(id: "cast-2018/task-4") { ... on Task { title leadDepartments { name } } } }'),
    ).toEqual(['node-with-leads-by-ids']);
    expect(
      await trips(
        '{ departments(planId: "cast-2018") { name tasks(planId: "cast-2018") { number subItemCount } } }',
      ),
    ).toEqual(['departments-filtered']);
    expect(
      await trips('{ coverage(planId: "cast-2018") { goals { goal { id } taskCount totalScore } } }'),
    ).toEqual(['coverage-goals']);
  });

  it('a selected text field of a listed element costs one more batch, not one per element', async () => {
    expect(await trips('{ goals(planId: "cast-2018") { id text } }')).toEqual([
      'goals-by-plan',
      'node-by-ids',
    ]);
  });

  it('search, neighbourhood and path cost a constant number of trips', async () => {
    expect((await trips('{ search(query: "四服务") { id snippet node { id } } }')).length).toBe(1);
    expect(
      (await trips('{ neighborhood(id: "dept/组人部", depth: 2) { nodes { id } edges { id } } }')).length,
    ).toBe(1);
    expect((await trips('{ path(from: "dept/组人部", to: "cast-2018/goal-3") { length } }')).length).toBe(1);
  });

  it('a search asked for ids, types and scores reads no hit text, and finds the same hits in the same order', async () => {
    const hits = 'search(query: "四服务", first: 10)';
    expect(await trips(`{ ${hits} { id type score } }`)).toEqual(['search-fulltext-ids']);
    expect(await trips(`{ ${hits} { id snippet } }`)).toEqual(['search-fulltext']);
    const short = await server.gql<{ search: { id: string; type: string; score: number }[] }>(
      `{ ${hits} { id type score } }`,
    );
    const whole = await server.gql<{ search: { id: string; type: string; score: number }[] }>(
      `{ ${hits} { id type score snippet node { id } } }`,
    );
    // The seed's goal and concept, and whatever the plans loaded by the tests above add.
    expect(short.data!.search.map((h) => h.id)).toEqual(
      expect.arrayContaining(['cast-2018/goal-1', 'concept/四服务']),
    );
    expect(short.data!.search).toEqual(
      whole.data!.search.map(({ id, type, score }) => ({ id, type, score })),
    );
  });
  it('a neighbourhood asked for ids and node types reads lists of ids, and finds the same nodes in the same order, the same cut and the same edges', async () => {
    const ids = 'nodes { id type } edges { id } truncated limit';
    expect(await trips(`{ neighborhood(id: "dept/组人部", depth: 2) { ${ids} } }`)).toEqual([
      'graph-neighborhood-ids',
    ]);
    expect(
      await trips('{ neighborhood(id: "dept/组人部", depth: 2) { nodes { id label } edges { id } } }'),
    ).toEqual(['graph-neighborhood']);
    expect(
      await trips('{ neighborhood(id: "dept/组人部", depth: 2) { nodes { id } edges { id type } } }'),
    ).toEqual(['graph-neighborhood']);
    type Shape = {
      nodes: { id: string; type: string }[];
      edges: { id: string }[];
      truncated: boolean;
      limit: number;
    };
    const cases = [
      'id: "dept/组人部", depth: 2',
      'id: "组人部", depth: 2',
      'id: "cast-2018/task-6", depth: 3, limit: 12',
      'id: "cast-2018", depth: 2, limit: 5',
      'id: "concept/四服务", depth: 3, types: ["MENTIONS", "SERVES"]',
    ];
    for (const args of cases) {
      const slim = await server.gql<{ neighborhood: Shape }>(`{ neighborhood(${args}) { ${ids} } }`);
      const whole = await server.gql<{ neighborhood: Shape }>(
        `{ neighborhood(${args}) { nodes { id type label } edges { id type source } truncated limit } }`,
      );
      expect(slim.errors).toBeUndefined();
      const { nodes, edges, truncated, limit } = whole.data!.neighborhood;
      expect({ args, shape: slim.data!.neighborhood }).toEqual({
        args,
        shape: {
          nodes: nodes.map(({ id, type }) => ({ id, type })),
          edges: edges.map(({ id }) => ({ id })),
          truncated,
          limit,
        },
      });
      expect(nodes.length).toBeGreaterThan(1);
      expect(edges.length).toBeGreaterThan(0);
    }
    // The cut of a plan at depth 2 at five nodes: the plan, then the nearest by id.
    const cut = await server.gql<{ neighborhood: Shape }>(
      `{ neighborhood(id: "cast-2018", depth: 2, limit: 5) { ${ids} } }`,
    );
    expect(cut.data!.neighborhood.truncated).toBe(true);
    expect(cut.data!.neighborhood.nodes[0]).toEqual({ id: 'cast-2018', type: 'Plan' });
  });
  it('a path asked for its length and node ids and types reads lists of ids, and finds the same paths in the same order', async () => {
    const ids = 'length nodes { id type }';
    expect(await trips(`{ path(from: "dept/组人部", to: "cast-2018/goal-3") { ${ids} } }`)).toEqual([
      'graph-paths-ids',
    ]);
    expect(
      await trips('{ path(from: "dept/组人部", to: "cast-2018/goal-3") { length nodes { id label } } }'),
    ).toEqual(['graph-paths']);
    expect(
      await trips('{ path(from: "dept/组人部", to: "cast-2018/goal-3") { nodes { id } edges { id } } }'),
    ).toEqual(['graph-paths']);
    type Path = { length: number; nodes: { id: string; type: string }[] };
    const cases = [
      'from: "dept/组人部", to: "cast-2018/goal-3"',
      'from: "组人部", to: "cast-2018/goal-3"',
      'from: "cast-2018/task-1", to: "cast-2018/task-6", structure: true',
      'from: "concept/四服务", to: "cast-2018/goal-2", maxLength: 8',
      'from: "cast-2018/goal-1", to: "cast-2018/goal-2", types: ["SERVES"]',
      'from: "dept/组人部", to: "cast-2018/goal-1", types: ["LEADS"], maxLength: 1',
    ];
    let found = 0;
    for (const args of cases) {
      const slim = await server.gql<{ path: Path[] }>(`{ path(${args}) { ${ids} } }`);
      const whole = await server.gql<{ path: (Path & { edges: { id: string }[] })[] }>(
        `{ path(${args}) { length nodes { id type label } edges { id } } }`,
      );
      expect(slim.errors).toBeUndefined();
      expect({ args, paths: slim.data!.path }).toEqual({
        args,
        paths: whole.data!.path.map(({ length, nodes, edges }) => {
          expect(edges.length).toBe(length);
          return { length, nodes: nodes.map(({ id, type }) => ({ id, type })) };
        }),
      });
      found += slim.data!.path.length;
    }
    expect(found).toBeGreaterThan(cases.length);
    const mix = await server.gql<{ path: Path[] }>(
      '{ path(from: "dept/组人部", to: "cast-2018/goal-3") { length nodes { id } } }',
    );
    expect(mix.data!.path).toEqual([
      {
        length: 2,
        nodes: [{ id: 'dept/组人部' }, { id: 'cast-2018/task-6' }, { id: 'cast-2018/goal-3' }],
      },
    ]);
  });
  it('coverage goals asked for ids take slim goals, and answer as the whole goals do', async () => {
    const goals = (fields: string) =>
      `{ coverage(planId: "cast-2018") { goals { goal { ${fields} } taskCount totalScore rankByScore } } }`;
    type Row = { goal: { id: string; title: string; text?: string }; taskCount: number };
    const slim = await server.gql<{ coverage: { goals: Row[] } }>(goals('id title'));
    const whole = await server.gql<{ coverage: { goals: Row[] } }>(goals('id title text'));
    expect(slim.data!.coverage.goals).toEqual(
      whole.data!.coverage.goals.map(({ goal: { id, title }, ...rest }) => ({
        goal: { id, title },
        ...rest,
      })),
    );
    expect(slim.data!.coverage.goals.map((g) => `${g.goal.id} ${g.taskCount}`)).toEqual([
      'cast-2018/goal-1 4',
      'cast-2018/goal-3 5',
      'cast-2018/goal-2 9',
    ]);
    // The text comes with the goal in the same statement.
    expect(await trips(goals('id text'))).toEqual(['coverage-goals']);
    expect(whole.data!.coverage.goals[0]!.goal.text!.length).toBeGreaterThan(10);
    expect(await trips(goals('id'))).toEqual(['coverage-goals']);
  });
});
