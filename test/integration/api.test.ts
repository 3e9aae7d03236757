import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { startTestServer, type Gql } from '../support/server.ts';

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

describe('plans and their elements', () => {
  it('lists the seed plan with its metadata and provenance', async () => {
    const { data, errors } = await gql(`{
      plans { id title issuer publishedDate issuedDate issuedDateRaw approvedBy addressees
        sourceFile { file sha256 url } source { line quote } } }`);
    expect(errors).toBeUndefined();
    expect(data!.plans).toEqual([
      {
        id: 'cast-2018',
        title: '2018年科协系统深化改革重点任务',
        issuer: '中国科协办公厅',
        publishedDate: '2018-04-13',
        issuedDate: null,
        issuedDateRaw: '201842',
        approvedBy: '中国科协深化改革领导小组第二次会议',
        addressees: ['机关各部门', '各直属单位'],
        sourceFile: {
          file: 'cast-2018-reform-key-tasks.txt',
          sha256: 'c711c0f489a58a4ed4e66e76def467ecec36077b38e7bfa1eeb4e63f778bba21',
          url: 'https://cstam.org.cn/article/109057518522868756.html',
        },
        source: { line: 26, quote: '2018年科协系统深化改革重点任务' },
      },
    ]);
  });

  it('gives the sub-items of task 4 in order, each pointing back to its task', async () => {
    const { data } = await gql(`{ task(planId: "cast-2018", number: 4) {
      id title leadDepartments { name } subItems { id number title task { number } } } }`);
    const task = data!.task;
    expect(task.id).toBe('cast-2018/task-4');
    expect(task.title).toBe('打造智慧科协,完善信息化发展机制,建设网上科技工作者之家');
    expect(task.leadDepartments.map((d: { name: string }) => d.name)).toEqual(['办公厅', '信息中心']);
    expect(task.subItems.map((i: { id: string }) => i.id)).toEqual([
      'cast-2018/task-4/item-1',
      'cast-2018/task-4/item-2',
      'cast-2018/task-4/item-3',
      'cast-2018/task-4/item-4',
    ]);
    expect(task.subItems.map((i: { title: string }) => i.title.slice(0, 8))).toEqual([
      '健全智慧科协建设',
      '加快建好科技工作',
      '建设在线世界科技',
      '以互联网思维深化',
    ]);
    expect(task.subItems.every((i: { task: { number: number } }) => i.task.number === 4)).toBe(true);
  });

  it('answers which departments lead more than one task, and which', async () => {
    const { data } = await gql(`{ departments(planId: "cast-2018", orderBy: TASKS_DESC) {
      name leads { task { number } source { quote } } } }`);
    const many = data!.departments
      .filter((d: { leads: unknown[] }) => d.leads.length > 1)
      .map((d: { name: string; leads: { task: { number: number } }[] }) => [
        d.name,
        d.leads.map((l) => l.task.number),
      ]);
    expect(many.sort()).toEqual([
      ['学会部', [5, 7]],
      ['组人部', [3, 6]],
      ['调宣部', [1, 8]],
    ]);
    const all = data!.departments.map((d: { name: string }) => d.name).sort();
    expect(all).toEqual(
      ['信息中心', '办公厅', '国际部', '学会部', '科普部', '组人部', '计财部', '调宣部'].sort(),
    );
  });

  it('filters tasks by department name and by text', async () => {
    const byDept = await gql(`{ tasks(planId: "cast-2018", filter: { department: "组人部" }) { number } }`);
    expect(byDept.data!.tasks).toEqual([{ number: 3 }, { number: 6 }]);
    const byText = await gql(`{ tasks(filter: { text: "科技馆" }) { id } }`);
    expect(byText.data!.tasks).toEqual([{ id: 'cast-2018/task-9' }]);
  });

  it('finds where 四服务 is mentioned: the element, the matched text and its span', async () => {
    const { data } = await gql(`{ node(id: "concept/四服务") { ... on Concept {
      name definition mentionedIn { totalCount nodes { element { id } source { line quote } } } } } }`);
    expect(data!.node.name).toBe('四服务');
    expect(data!.node.definition).toContain('为科技工作者服务');
    expect(data!.node.mentionedIn.totalCount).toBe(1);
    expect(data!.node.mentionedIn.nodes).toEqual([
      { element: { id: 'cast-2018/goal-1' }, source: { line: 46, quote: '四服务' } },
    ]);
  });

  it('pages through sub-items with cursors, the total counted once', async () => {
    const first = await gql(`{ subItems(planId: "cast-2018", first: 20) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`);
    const page1 = first.data!.subItems;
    expect(page1.totalCount).toBe(48);
    expect(page1.nodes).toHaveLength(20);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const rest = await gql(
      `query ($after: String) { subItems(planId: "cast-2018", first: 50, after: $after) {
      pageInfo { hasNextPage hasPreviousPage } nodes { id } } }`,
      { after: page1.pageInfo.endCursor },
    );
    expect(rest.data!.subItems.nodes).toHaveLength(28);
    expect(rest.data!.subItems.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true });
    expect(rest.data!.subItems.nodes[0].id).toBe('cast-2018/task-6/item-3');
  });
});

describe('errors', () => {
  it('answers an unknown id with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await gql(`{ node(id: "cast-2018/task-99") { id } }`);
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(unknown.errors![0]!.message).toBe('id not found: "cast-2018/task-99"');
    const malformed = await gql(`{ node(id: "task 4 of cast") { id } }`);
    expect(malformed.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(malformed.errors![0]!.message).toMatch(
      /^Argument "id": expected an id such as "cast-2018\/task-4"/,
    );
    const plan = await gql(`{ plan(id: "cast-2099") { id } }`);
    expect(plan.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const cursor = await gql(`{ subItems(after: "not-a-cursor") { totalCount } }`);
    expect(cursor.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('never shows a stack trace', async () => {
    const response = await gql(`{ node(id: "cast-2018/task-99") { id } }`);
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('refuses a deeply nested query and an alias bomb before any Cypher runs', async () => {
    const before = db.roundTrips;
    // 16 levels: tasks → subItems → task → subItems → … → id, four past the limit of 12.
    const nested = Array.from({ length: 7 }).reduce<string>(
      (inner) => `subItems { task { ${inner} } }`,
      'id',
    );
    const deep = await gql(`{ tasks { ${nested} } }`);
    expect(deep.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.errors![0]!.message).toMatch(/depth/i);
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: plans { id }`).join(' ');
    const bomb = await gql(`{ ${aliases} }`);
    expect(bomb.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(bomb.errors![0]!.message).toMatch(/alias/i);
    expect(db.roundTrips).toBe(before);
  });

  it('keeps CSRF prevention on: a simple form post is refused', async () => {
    const response = await fetch(`${server.url}/graphql?query=%7Bplans%7Bid%7D%7D`, {
      method: 'GET',
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
  });
});

describe('health and readiness', () => {
  it('says the process is up and the engine reachable with a plan loaded', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    // Only ready or not: the server's version and the plans are nobody's business (docs/security.md).
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
