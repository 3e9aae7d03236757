/**
 * A cut text (loaded as far as it goes, `complete: false`) is said to be one wherever its numbers
 * are read: Plan.stopsAtLine and Plan.caveats, coverage's caveats and ranking, and compare, which
 * claims nothing "only in" or "lost" for the part of a plan that was never read. On the seed and
 * the second plan `npm start` loads (seeds/cast-2025-work-points.txt, which stops at line 25).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { startTestServer, type Gql } from '../support/server.ts';

const CUT = 'seeds/cast-2025-work-points.txt';
const CUT_ID = 'cast-2025-points';
const PAIR_A = 'test/fixtures/plans/pair/qinghe-2020-points.txt';
const PAIR_B = 'test/fixtures/plans/pair/qinghe-2021-points.txt';
const CUT_SENTENCE =
  'cast-2025-points is a cut text: its source stops at line 25 (in task 2) and nothing after that was read; ' +
  'counts, coverage and comparisons cover only the part read.';
const NO_GOALS =
  'cast-2025-points has no goals (主要目标) in the text read: there is no coverage of goals to show, ' +
  'and no task can be said to serve one.';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
let gql: Gql;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  // The hand-made pair of plans (test/fixtures/plans/pair) shares concepts, for sharedConcepts.
  await loadFiles(db, SEED, CUT, PAIR_A, PAIR_B);
  server = await startTestServer(db);
  gql = server.gql;
});
afterAll(async () => {
  await server.close();
  await db.close();
});

type Id = { id: string };
const ids = (xs: Id[]) => xs.map((x) => x.id);
const COMPARE = `query ($a: ID!, $b: ID!) { compare(a: $a, b: $b) {
  caveats aligned { a { id } b { id } } onlyInA { id } onlyInB { id } unreadInA { id } unreadInB { id }
  leadChanges { department { id } gained { id } lost { id } } } }`;
interface Comparison {
  caveats: string[];
  aligned: { a: Id; b: Id }[];
  onlyInA: Id[];
  onlyInB: Id[];
  unreadInA: Id[];
  unreadInB: Id[];
  leadChanges: { department: Id; gained: Id[]; lost: Id[] }[];
}
const seedTasks = Array.from({ length: 10 }, (_, i) => `cast-2018/task-${i + 1}`);

describe('a cut plan', () => {
  it('says where it stops and that it has no goals; a complete plan says nothing', async () => {
    const { data, errors } = await gql<{
      plans: { id: string; complete: boolean; stopsAtLine: number | null; caveats: string[] }[];
    }>('{ plans { id complete stopsAtLine caveats } }');
    expect(errors).toBeUndefined();
    expect(data!.plans.filter((p) => p.id.startsWith('cast-'))).toEqual([
      { id: 'cast-2018', complete: true, stopsAtLine: null, caveats: [] },
      { id: CUT_ID, complete: false, stopsAtLine: 25, caveats: [CUT_SENTENCE, NO_GOALS] },
    ]);
  });

  it('coverage of it carries the same caveats, and coverage of every plan names the cut one', async () => {
    const { data } = await gql<{ cut: { caveats: string[]; goals: unknown[] }; all: { caveats: string[] } }>(
      `{ cut: coverage(planId: "${CUT_ID}") { caveats goals { taskCount } } all: coverage { caveats } }`,
    );
    expect(data!.cut).toEqual({ caveats: [CUT_SENTENCE, NO_GOALS], goals: [] });
    // Every plan covered: the cut one, and the pair, which names no goals either.
    expect(data!.all.caveats).toHaveLength(4);
    expect(data!.all.caveats).toEqual(expect.arrayContaining([CUT_SENTENCE, NO_GOALS]));
    expect(data!.all.caveats.filter((c) => c.includes('has no goals')).map((c) => c.split(' ')[0])).toEqual([
      CUT_ID,
      'qhskx-2020-points',
      'qhskx-2021-points',
    ]);
  });

  it('compared to the seed, claims no task of the seed only in the seed and no lead lost', async () => {
    const { data, errors } = await gql<{ compare: Comparison }>(COMPARE, { a: 'cast-2018', b: CUT_ID });
    expect(errors).toBeUndefined();
    const c = data!.compare;
    const aligned = c.aligned.map((p) => p.a.id);
    expect(ids(c.onlyInA)).toEqual([]);
    expect(ids(c.unreadInB)).toEqual(seedTasks.filter((t) => !aligned.includes(t)));
    expect(ids(c.unreadInB).length).toBeGreaterThan(0);
    expect(ids(c.unreadInA)).toEqual([]);
    // A lost lead would need its task's counterpart read in the cut plan.
    for (const change of c.leadChanges) {
      for (const task of ids(change.lost)) expect(aligned).toContain(task);
    }
    expect(c.caveats).toEqual([
      CUT_SENTENCE,
      NO_GOALS,
      `Tasks of cast-2018 with no counterpart in ${CUT_ID} are listed in unreadInB, not as only in cast-2018 nor as lost or gained leads: ` +
        `${CUT_ID} stops at line 25 (in task 2), and what follows is unknown. Concepts disappearing compare against the part read only.`,
    ]);
  });

  it('the other way round, the seed’s unaligned tasks are unread in a, not only in b', async () => {
    const { data } = await gql<{ compare: Comparison }>(COMPARE, { a: CUT_ID, b: 'cast-2018' });
    const c = data!.compare;
    const aligned = c.aligned.map((p) => p.b.id);
    expect(ids(c.onlyInB)).toEqual([]);
    expect(ids(c.unreadInA)).toEqual(seedTasks.filter((t) => !aligned.includes(t)));
    for (const change of c.leadChanges) {
      for (const task of ids(change.gained)) expect(aligned).toContain(task);
    }
    expect(c.caveats[2]).toContain('listed in unreadInA');
    expect(c.caveats[2]).toContain('Concepts appearing compare against the part read only.');
  });

  it('sharedConcepts lists the concepts both plans mention, by name, and refuses an unknown plan', async () => {
    const { data, errors } = await gql<{
      shared: { concept: { id: string; name: string }; mentionsInA: number; mentionsInB: number }[];
      a: { concepts: Id[] };
      b: { concepts: Id[] };
    }>(
      `{ shared: sharedConcepts(a: "qhskx-2020-points", b: "qhskx-2021-points") { concept { id name } mentionsInA mentionsInB }
         a: plan(id: "qhskx-2020-points") { concepts { id } } b: plan(id: "qhskx-2021-points") { concepts { id } } }`,
    );
    expect(errors).toBeUndefined();
    const inB = new Set(ids(data!.b.concepts));
    const both = ids(data!.a.concepts).filter((id) => inB.has(id));
    expect(both.length).toBeGreaterThan(0);
    expect(data!.shared.map((s) => s.concept.id).sort()).toEqual(both.sort());
    const names = data!.shared.map((s) => s.concept.name);
    expect(names).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    for (const s of data!.shared) expect(Math.min(s.mentionsInA, s.mentionsInB)).toBeGreaterThan(0);
    // None between the seed and the cut plan's two tasks.
    const none = await gql<{ sharedConcepts: unknown[] }>(
      `{ sharedConcepts(a: "cast-2018", b: "${CUT_ID}") { mentionsInA } }`,
    );
    expect(none.data!.sharedConcepts).toEqual([]);
    const unknown = await gql(`{ sharedConcepts(a: "cast-2018", b: "cast-1999") { mentionsInA } }`);
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toContain('cast-1999');
  });

  it('the start page marks it, beside its counts', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain('0 goals, 2 tasks');
    expect(html).toContain('<strong class="cut">cut text</strong>');
    expect(html.match(/class="cut"/g)).toHaveLength(1);
  });
});
