/**
 * What the parser now reads of the genre, as the graph and the API give it back: participating
 * units (PARTICIPATES with their role), a partial load of a cut text (Plan.complete false, the cut
 * element truncated), a flat list held by an unnamed section, and traditional characters kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import { loadPlan } from '../../src/ingest/load/load.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { startTestServer, type Gql } from '../support/server.ts';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
let gql: Gql;

const BREAKDOWN = 'test/fixtures/forms/task-breakdown-lines.txt';
const TRADITIONAL = 'test/fixtures/forms/traditional-notice.txt';
const CUT = 'test/fixtures/corpus/cast-2025-work-points.txt';
const CONVENTION = 'test/fixtures/full/gov-2019-bonded-zones-opinions.txt';

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED, [BREAKDOWN, 'breakdown'], [TRADITIONAL, 'trad'], [CONVENTION, 'bonded']);
  const { text, source } = readPlanFile(CUT);
  await loadPlan(db, parsePlan(text, source, { planId: 'cast-2025-cut', partial: true }), { force: true });
  server = await startTestServer(db);
  gql = server.gql;
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe('participating units', () => {
  it('answers Task.participants with role and source, after the leads', async () => {
    const { data, errors } = await gql(`{
      task(planId: "breakdown", number: 1) {
        leadDepartments { name }
        participants { role department { name } task { number } source { line quote } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.task).toEqual({
      leadDepartments: [{ name: '区发展改革委' }],
      participants: [
        {
          role: '责任',
          department: { name: '区市场监管局' },
          task: { number: 1 },
          source: { line: 7, quote: '区市场监管局' },
        },
        {
          role: '责任',
          department: { name: '区政务服务中心' },
          task: { number: 1 },
          source: { line: 7, quote: '区政务服务中心' },
        },
      ],
    });
  });

  it('answers Department.participatesIn, of one plan or all, in traditional characters as written', async () => {
    const { data, errors } = await gql(`{
      node(id: "dept/辦公廳") { ... on Department { name participatesIn { role task { id title } } } }
      departments(planId: "trad") { name }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.node).toEqual({
      name: '辦公廳',
      participatesIn: [{ role: '配合', task: { id: 'trad/task-2', title: '深化學風建設' } }],
    });
    expect(data!.departments.map((d: { name: string }) => d.name).sort()).toEqual(
      ['學術部', '學會部', '組織人事部'].sort(),
    );
  });
});

describe('a plan id the graph does not hold, in nested fields', () => {
  it('is NOT_FOUND in Department.leads, .tasks, .participatesIn and Concept.mentionedIn alike', async () => {
    for (const field of [
      'leads(planId: "nope") { task { id } }',
      'tasks(planId: "nope") { id }',
      'participatesIn(planId: "nope") { role }',
    ]) {
      const { errors } = await gql(`{ node(id: "dept/组人部") { ... on Department { ${field} } } }`);
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    }
    const { errors } = await gql(
      `{ node(id: "concept/四服务") { ... on Concept { mentionedIn(planId: "nope") { totalCount } } } }`,
    );
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    // A known plan in which the department leads nothing is an empty list, not an error.
    const empty = await gql(
      `{ node(id: "dept/组人部") { ... on Department { tasks(planId: "trad") { id } } } }`,
    );
    expect([empty.errors, empty.data!.node.tasks]).toEqual([undefined, []]);
  });
});

describe('a cut text loaded with --partial', () => {
  it('says the plan is not complete and marks the task the text stops in', async () => {
    const { data, errors } = await gql(`{
      plan(id: "cast-2025-cut") { complete title tasks { number truncated } warnings { code line } }
      seed: plan(id: "cast-2018") { complete }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.plan.complete).toBe(false);
    expect(data!.plan.title).toBe('中国科协2025年工作要点');
    expect(data!.plan.tasks).toEqual([
      { number: 1, truncated: false },
      { number: 2, truncated: true },
    ]);
    expect(data!.plan.warnings.filter((w: { code: string }) => w.code === 'TRUNCATED')).toEqual([
      { code: 'TRUNCATED', line: 25 },
    ]);
    expect(data!.seed.complete).toBe(true);
  });

  it('holds a flat list in one unnamed section of level 1', async () => {
    const { data, errors } = await gql(
      `{ plan(id: "breakdown") { sections { marker title level elements { number } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.plan.sections).toEqual([
      { marker: '', title: '', level: 1, elements: [{ number: 1 }, { number: 2 }, { number: 3 }] },
    ]);
  });
});

describe("the document's responsibility convention", () => {
  it('is on the plan with its quote, and the first unit of each annotation leads while the others take part', async () => {
    const { data, errors } = await gql(`{
      plan(id: "bonded") { responsibilityConvention { rule quote source { line quote } } }
      breakdown: plan(id: "breakdown") { responsibilityConvention { rule } }
      task(planId: "bonded", number: 1) {
        leadDepartments { name }
        participants { role department { name } source { line quote } }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.plan.responsibilityConvention).toEqual({
      rule: 'FIRST_LEADS',
      quote: '排在第一位的部门为牵头部门，下同',
      source: { line: 18, quote: '排在第一位的部门为牵头部门，下同' },
    });
    expect(data!.breakdown.responsibilityConvention).toBeNull();
    expect(data!.task).toEqual({
      // The unit written 税务总局 is the national body of that name (its edge keeps the written name).
      leadDepartments: [{ name: '国家税务总局' }],
      participants: [
        { role: '参与', department: { name: '财政部' }, source: { line: 18, quote: '财政部' } },
        { role: '参与', department: { name: '海关总署' }, source: { line: 18, quote: '海关总署' } },
      ],
    });
  });
});
