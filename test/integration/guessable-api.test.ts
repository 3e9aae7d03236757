import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { startTestServer, type Gql, type GraphQLResponse } from '../support/server.ts';

interface SearchPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
}

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
let gql: Gql;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  server = await startTestServer(db);
  gql = server.gql;
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe('lookups by plan and number, like task(planId, number)', () => {
  it('goal(planId, number) answers the goal, and servedBy(minScore) keeps the edges scoring at least that', async () => {
    const { data, errors } = await gql(`{
      goal(planId: "cast-2018", number: 1) {
        id
        title
        all: servedBy { score basis task { number } }
        strong: servedBy(minScore: 0.5) { score task { number } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.goal.id).toBe('cast-2018/goal-1');
    expect(data!.goal.title).toBe('优化职能体系');
    expect(data!.goal.all).toEqual([
      { score: 0.9, basis: 'CURATED', task: { number: 1 } },
      { score: 0.8, basis: 'CONCEPT', task: { number: 6 } },
      { score: 0.425, basis: 'PHRASE', task: { number: 3 } },
      { score: 0.35, basis: 'PHRASE', task: { number: 8 } },
    ]);
    expect(data!.goal.strong).toEqual([
      { score: 0.9, task: { number: 1 } },
      { score: 0.8, task: { number: 6 } },
    ]);
  });

  it('principle and guarantee answer the same way', async () => {
    const { data, errors } = await gql(`{
      principle(planId: "cast-2018", number: 2) { id title }
      guarantee(planId: "cast-2018", number: 3) { id title }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      principle: { id: 'cast-2018/principle-2', title: '坚持问题导向' },
      guarantee: { id: 'cast-2018/guarantee-3', title: '深化调研、激励创新' },
    });
  });

  it('when the number or the plan does not exist, then NOT_FOUND says which', async () => {
    const goal = await gql('{ goal(planId: "cast-2018", number: 4) { id } }');
    expect(goal.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(goal.errors![0]!.message).toBe('goal not found: "cast-2018 #4"');
    const plan = await gql('{ goal(planId: "cast-2099", number: 1) { id } }');
    expect(plan.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(plan.errors![0]!.message).toBe('planId not found: "cast-2099"');
  });
});

describe('concept(name:) takes the canonical name or any alias', () => {
  it('finds 1-9-6-1工作布局 by its alias, 四服务 in quotes, 三性 by its spelled-out alias', async () => {
    const { data, errors } = await gql(`{
      a: concept(name: "1-9-6-1") { id name }
      b: concept(name: "“四服务”") { id }
      c: concept(name: "政治性、先进性、群众性") { id }
      d: concept(name: "1-9-6-1工作布局") { id }
    }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      a: { id: 'concept/1-9-6-1工作布局', name: '1-9-6-1工作布局' },
      b: { id: 'concept/四服务' },
      c: { id: 'concept/三性' },
      d: { id: 'concept/1-9-6-1工作布局' },
    });
  });

  it('when no name matches, then NOT_FOUND suggests the nearest names', async () => {
    const { errors } = await gql('{ concept(name: "四服") { id } }');
    expect(errors![0]!.message).toBe('concept not found: "四服"; did you mean "四服务", "四化", "四缺"?');
    expect(errors![0]!.extensions).toMatchObject({
      code: 'NOT_FOUND',
      suggestions: ['四服务', '四化', '四缺'],
    });
    const far = await gql('{ concept(name: "完全无关的词语") { id } }');
    expect(far.errors![0]!.message).toBe('concept not found: "完全无关的词语"; no known name is near it');
  });

  it('node(id) with a shortened concept id suggests the full one', async () => {
    const { errors } = await gql('{ node(id: "concept/1-9-6-1") { id } }');
    expect(errors![0]!.message).toBe(
      'id not found: "concept/1-9-6-1"; did you mean "concept/1-9-6-1工作布局"?',
    );
    expect(errors![0]!.extensions).toMatchObject({
      code: 'NOT_FOUND',
      suggestions: ['concept/1-9-6-1工作布局'],
    });
  });
});

describe('searchPage: totalCount and cursors, nothing dropped', () => {
  it('pages through all 33 hits of 科协 in the order search gives them', async () => {
    const all = await gql<{ search: { id: string }[] }>('{ search(query: "科协", first: 100) { id } }');
    const paged: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { data, errors }: GraphQLResponse = await gql(
        `query($after: String) { searchPage(query: "科协", first: 10, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      const page: SearchPage = data!['searchPage'] as SearchPage;
      expect(page.totalCount).toBe(33);
      paged.push(...page.edges.map((e) => e.node.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(4);
    expect(paged).toEqual(all.data!.search.map((h) => h.id));
    expect(paged.slice(0, 3)).toEqual(['concept/智慧科协', 'cast-2018/problem-4', 'cast-2018']);
  });

  it('a single character falls back to the substring scan, with its total', async () => {
    const { data, errors } = await gql(
      '{ searchPage(query: "鼻", first: 1) { totalCount nodes { id snippet } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.searchPage.totalCount).toBeGreaterThan(0);
    expect(data!.searchPage.nodes[0].snippet).toContain('【鼻】');
  });

  it('when first is out of range, then BAD_USER_INPUT names it', async () => {
    const { errors } = await gql('{ searchPage(query: "科协", first: 101) { totalCount } }');
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toBe('Argument "first": expected an integer from 0 to 100, found 101');
  });
});

describe('minScore on derived edges and coverage', () => {
  it('coverage.goals(minScore) counts only the edges scoring at least that, and servedBy follows it', async () => {
    const { data, errors } = await gql(`{
      coverage(planId: "cast-2018") {
        every: goals { goal { number } servedBy { score } }
        strong: goals(minScore: 0.5) { goal { number } taskCount totalScore servedBy { score } }
        tasksServingNoGoal(minScore: 0.5) { number }
      }
    }`);
    expect(errors).toBeUndefined();
    const every = new Map<number, number[]>(
      data!.coverage.every.map((g: { goal: { number: number }; servedBy: { score: number }[] }) => [
        g.goal.number,
        g.servedBy.map((s) => s.score),
      ]),
    );
    for (const g of data!.coverage.strong) {
      const kept = every.get(g.goal.number)!.filter((s) => s >= 0.5);
      expect(g.servedBy.map((s: { score: number }) => s.score)).toEqual(kept);
      expect(g.taskCount).toBe(kept.length);
    }
    const goal1 = data!.coverage.strong.find((g: { goal: { number: number } }) => g.goal.number === 1);
    expect(goal1).toMatchObject({ taskCount: 2, totalScore: 1.7 });
  });

  it('when minScore is outside 0..1, then BAD_USER_INPUT says so', async () => {
    const { errors } = await gql(
      '{ task(planId: "cast-2018", number: 1) { serves(minScore: 2) { score } } }',
    );
    expect(errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toBe('Argument "minScore": expected a number from 0 to 1, found 2');
  });
});

describe('consistent arguments', () => {
  it('concepts(planId) is concepts(filter: {planId}); two different plans are refused', async () => {
    const a = await gql('{ concepts(planId: "cast-2018", first: 100) { totalCount } }');
    const b = await gql('{ concepts(filter: { planId: "cast-2018" }, first: 100) { totalCount } }');
    expect(a.data!.concepts.totalCount).toBe(b.data!.concepts.totalCount);
    expect(a.data!.concepts.totalCount).toBe(25);
    const both = await gql('{ concepts(planId: "cast-2018", filter: { planId: "other" }) { totalCount } }');
    expect(both.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
