/**
 * Slim rows (src/api/resolvers/shared.ts): a list fetched ahead brings only what the query reads;
 * a field the slim row left out, read elsewhere in the same request from the rows it primed,
 * still answers exactly what the node or edge holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, QueryEvent } from '../../src/db/database.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { startTestServer } from '../support/server.ts';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;

/** Runs one operation; its data and the statements it sent, in order. */
async function run(query: string): Promise<{ data: Record<string, unknown>; statements: string[] }> {
  const seen: QueryEvent[] = [];
  const stop = db.onQuery((event) => seen.push(event));
  try {
    const { data, errors } = await server.gql<Record<string, unknown>>(query);
    expect(errors).toBeUndefined();
    return { data: data!, statements: seen.map((e) => e.name) };
  } finally {
    stop();
  }
}

/** Everything a slim row leaves out, of a task, its lead edges and their departments. */
const WHOLE_TASK = `id marker truncated section { id } leads { name source { quote } department { scope fullName } }`;

/** The same tasks asked by id alone: whole rows from the node loader, nothing fetched ahead. */
async function alone(ids: string[]): Promise<Map<string, unknown>> {
  const { data } = await run(`{ nodes(ids: ${JSON.stringify(ids)}) { ... on Task { ${WHOLE_TASK} } } }`);
  return new Map((data['nodes'] as { id: string }[]).map((t) => [t.id, t]));
}

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

// Fields nested under a list resolve after it, so these read what the list primed, in this order.
describe('rows fetched ahead with only what the query reads', () => {
  it('answers the tasks of slim sub-items, their slim lead edges and departments as when asked alone', async () => {
    // (A small selection: the cost limit prices the nested lists by the largest plan's bounds.)
    const after = await run(
      `{ tasks(planId: "cast-2018") { leadDepartments { name } subItems { task { ${WHOLE_TASK} } } } }`,
    );
    // The slim rows were used: the whole nodes and lead edges were fetched afterwards, when read.
    expect(after.statements[0]).toBe('tasks-filtered');
    expect(after.statements).toContain('node-by-ids');
    expect(after.statements).toContain('leads-by-tasks');
    const tasks = after.data['tasks'] as { id: string; subItems: { task: { id: string } }[] }[];
    const items = tasks.flatMap((t) => t.subItems);
    expect(items).toHaveLength(48);
    const expected = await alone([...new Set(items.map((i) => i.task.id))]);
    for (const item of items) expect(item.task).toEqual(expected.get(item.task.id));
    const four = expected.get('cast-2018/task-4') as {
      marker: string;
      leads: { name: string; source: { quote: string } }[];
    };
    expect(four.marker).not.toBe('');
    expect(four.leads.map((l) => [l.name, l.source.quote])).toEqual(four.leads.map((l) => [l.name, l.name]));
  });

  it('answers the lead edges of departments fetched slim for `tasks` as when asked alone', async () => {
    const leads = `leads(planId: "cast-2018") { name source { line quote } }`;
    const { data: direct } = await run(`{ departments(planId: "cast-2018") { id scope ${leads} } }`);
    const after = await run(`{ departments(planId: "cast-2018") { tasks(planId: "cast-2018") {
      leadDepartments { id scope ${leads} } } } }`);
    expect(after.statements[0]).toBe('departments-filtered');
    const byId = new Map((direct['departments'] as { id: string }[]).map((d) => [d.id, d]));
    const seen = (after.data['departments'] as { tasks: { leadDepartments: { id: string }[] }[] }[]).flatMap(
      (d) => d.tasks.flatMap((t) => t.leadDepartments),
    );
    // 11 lead edges; task 4 has two lead departments and is listed under each of them: 13.
    expect(seen).toHaveLength(13);
    for (const department of seen) expect(department).toEqual(byId.get(department.id));
  });

  it('answers a task whose lead edges `node` fetched slim for leadDepartments as when asked alone', async () => {
    const after = await run(`{ node(id: "cast-2018/task-4") { ... on Task { id leadDepartments { name
      tasks(planId: "cast-2018") { ${WHOLE_TASK} } } } } }`);
    expect(after.statements[0]).toBe('node-with-leads-by-ids');
    const tasks = (
      after.data['node'] as { leadDepartments: { tasks: { id: string }[] }[] }
    ).leadDepartments.flatMap((d) => d.tasks);
    expect(tasks.map((t) => t.id)).toContain('cast-2018/task-4');
    const expected = await alone(tasks.map((t) => t.id));
    for (const task of tasks) expect(task).toEqual(expected.get(task.id));
  });

  it('answers a task asked by id as a slim row as the whole row does, beside a fuller ask of it', async () => {
    const task = '"cast-2018/task-4"';
    const both = await run(
      `{ slim: node(id: ${task}) { ... on Task { id number title leadDepartments { name } } }
         whole: node(id: ${task}) { ... on Task { id marker text subItemCount truncated } } }`,
    );
    expect(both.statements[0]).toBe('node-with-leads-by-ids');
    // marker is not in a slim row: the same selection with it reads the whole row.
    const fuller = await run(
      `{ node(id: ${task}) { ... on Task { id number title marker leadDepartments { name } } } }`,
    );
    const whole = await run(
      `{ node(id: ${task}) { ... on Task { id marker text subItemCount truncated } } }`,
    );
    const { marker, ...slimFields } = fuller.data['node'] as Record<string, unknown>;
    expect(marker).toBe('4.');
    expect(both.data['slim']).toEqual(slimFields);
    expect(both.data['whole']).toEqual(whole.data['node']);
    expect((both.data['slim'] as { leadDepartments: unknown[] }).leadDepartments).toEqual([
      { name: '办公厅' },
      { name: '信息中心' },
    ]);
  });

  it('still costs one statement for the benchmark questions that read only names', async () => {
    expect(
      (
        await run(
          `{ goals(planId: "cast-2018") { id number title servedBy { score task { number title } } } }`,
        )
      ).statements,
    ).toEqual(['goals-by-plan']);
    expect(
      (
        await run(
          `{ departments(planId: "cast-2018") { name tasks(planId: "cast-2018") { number title subItemCount } } }`,
        )
      ).statements,
    ).toEqual(['departments-filtered']);
    expect(
      (
        await run(
          `{ node(id: "cast-2018/task-4") { ... on Task { id number title leadDepartments { name } } } }`,
        )
      ).statements,
    ).toEqual(['node-with-leads-by-ids']);
  });
});
