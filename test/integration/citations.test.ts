import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { planCounts } from '../../src/graph/counts.ts';
import { loadPlan } from '../../src/ingest/load/load.ts';
import { removePlan } from '../../src/ingest/load/plans.ts';
import { emptyGraph, loadFiles, openTestDatabase, parseFile, SEED } from '../support/graph.ts';
import { startTestServer } from '../support/server.ts';

const STAND_IN = 'test/fixtures/plans/cited/reform-plan-stand-in.txt';
const QINGHE = 'test/fixtures/plans/cited/qinghe-2019-review-points.txt';
const ENFORCEMENT = 'test/fixtures/corpus-full/gov-2018-law-enforcement-disclosure-opinions.txt';
const REVIEW = 'test/fixtures/corpus-full/gov-2018-normative-docs-review-opinions.txt';
const PARENT = 'doc/科协系统深化改革实施方案';
const OUTLINE = 'doc/法治政府建设实施纲要(2015—2020年)';

let db: Database;

interface Citing {
  planId: string;
  count: number;
  firstQuote: string;
  isPlanId: string | null;
}
const citing = (id: string) =>
  db
    .read<Citing & Record<string, unknown>>('plans-citing-document', { id })
    .then((rows) => rows.map((r) => `${r.planId}×${r.count} «${r.firstQuote}» is ${r.isPlanId}`));

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
});
afterAll(async () => {
  await db.close();
});

describe('the documents a plan cites, in the graph', () => {
  it('writes the seed’s citations as CITES edges to shared Document nodes', async () => {
    const model = parseFile(SEED);
    await loadPlan(db, model, { force: true });
    const counts = await planCounts(db, 'cast-2018');
    expect(Object.fromEntries(counts.relationships.map((r) => [r.label, r.count]))['CITES']).toBe(12);
    expect(await citing(PARENT)).toEqual(['cast-2018×1 «《科协系统深化改革实施方案》» is null']);
  });

  it('resolves the seed’s parent when that plan is loaded afterwards, by its title', async () => {
    await loadFiles(db, STAND_IN);
    expect(await citing(PARENT)).toEqual(['cast-2018×1 «《科协系统深化改革实施方案》» is cast-2016-scheme']);
  });

  it('keeps the link when the citing plan is loaded again, and writes nothing twice', async () => {
    await loadPlan(db, parseFile(SEED), { force: true });
    expect(await citing(PARENT)).toEqual(['cast-2018×1 «《科协系统深化改革实施方案》» is cast-2016-scheme']);
    const counts = await planCounts(db, 'cast-2018');
    expect(Object.fromEntries(counts.relationships.map((r) => [r.label, r.count]))['CITES']).toBe(12);
  });

  it('answers which loaded plans cite a document two State Council opinions and a city plan cite', async () => {
    await loadFiles(db, [ENFORCEMENT, 'gwy-2018-enforcement'], [REVIEW, 'gwy-2018-review'], QINGHE);
    expect(await citing(OUTLINE)).toEqual([
      'gwy-2018-enforcement×1 «《法治政府建设实施纲要（2015—2020年）》» is null',
      'gwy-2018-review×1 «《法治政府建设实施纲要（2015—2020年）》» is null',
      'qhsrmzf-2019-points×1 «《法治政府建设实施纲要(2015—2020年)》» is null',
    ]);
    expect(await citing('doc/党的十九届三中全会')).toEqual([
      'cast-2018×3 «十九届一中、二中、三中全会» is null',
      'gwy-2018-enforcement×1 «十九届二中、三中全会» is null',
      'gwy-2018-review×1 «十九届二中、三中全会» is null',
    ]);
  });

  it('resolves a citation by number alone to the loaded plan with that number', async () => {
    expect(await citing('doc/国办发〔2018〕115号')).toEqual([
      'qhsrmzf-2019-points×1 «国办发〔2018〕115号» is gwy-2018-review',
    ]);
  });

  it('removes the link with the cited plan, and the document with its last citing plan', async () => {
    await removePlan(db, 'cast-2016-scheme');
    expect(await citing(PARENT)).toEqual(['cast-2018×1 «《科协系统深化改革实施方案》» is null']);
    await removePlan(db, 'cast-2018');
    expect(await citing(PARENT)).toEqual([]);
    const [left] = await db.read<{ node: unknown }>('node-by-ids', { ids: [PARENT] });
    expect(left).toBeUndefined();
    expect((await citing(OUTLINE)).length).toBe(3);
    expect(await citing('doc/党的十九届一中全会')).toEqual([]);
  });

  it('gives every citation a span whose quote stands in its plan’s source', async () => {
    const unsourced = await db.read<{ what: string }>('test-unsourced');
    expect(unsourced).toEqual([]);
  });
});

describe('the citation graph through the API', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    await loadFiles(db, SEED, STAND_IN);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
  });

  it('Plan.cites lists the seed’s citations in text order, its parent resolved to the loaded plan', async () => {
    const { data, errors } = await server.gql(`{ plan(id: "cast-2018") { cites {
      element { id } document { id form title number plan { id title } } source { line quote } } } }`);
    expect(errors).toBeUndefined();
    const cites = (data!['plan'] as { cites: Record<string, unknown>[] }).cites;
    expect(cites.length).toBe(12);
    expect(cites[4]).toEqual({
      element: { id: 'cast-2018' },
      document: {
        id: PARENT,
        form: 'DOCUMENT',
        title: '科协系统深化改革实施方案',
        number: null,
        plan: { id: 'cast-2016-scheme', title: '科协系统深化改革实施方案' },
      },
      source: { line: 28, quote: '《科协系统深化改革实施方案》' },
    });
    expect(cites[1]!['document']).toMatchObject({
      id: 'doc/党的十九届一中全会',
      form: 'MEETING',
      plan: null,
    });
  });

  it('Plan.citedBy answers which loaded plans cite a plan', async () => {
    const { data, errors } = await server.gql(`{ plan(id: "cast-2016-scheme") {
      citedBy { plan { id } element { id } source { quote } } } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      plan: {
        citedBy: [
          {
            plan: { id: 'cast-2018' },
            element: { id: 'cast-2018' },
            source: { quote: '《科协系统深化改革实施方案》' },
          },
        ],
      },
    });
  });

  it('document(title:) and document(number:) find a document as the plans write it, with the plans citing it', async () => {
    const byTitle = await server.gql(`{ document(title: "《法治政府建设实施纲要（2015—2020年）》") {
      id citedBy { plan { id } } } }`);
    expect(byTitle.errors).toBeUndefined();
    expect(byTitle.data).toEqual({
      document: {
        id: OUTLINE,
        citedBy: [
          { plan: { id: 'gwy-2018-enforcement' } },
          { plan: { id: 'gwy-2018-review' } },
          { plan: { id: 'qhsrmzf-2019-points' } },
        ],
      },
    });
    const byNumber = await server.gql(
      `{ document(number: "国办发[2018]115号") { id plan { id } citedBy { plan { id } } } }`,
    );
    expect(byNumber.data).toEqual({
      document: {
        id: 'doc/国办发〔2018〕115号',
        plan: { id: 'gwy-2018-review' },
        citedBy: [{ plan: { id: 'qhsrmzf-2019-points' } }],
      },
    });
  });

  it('a meeting is a node: its citations in one plan, and no drawing shows citations unless asked', async () => {
    const { data } = await server.gql(`{ node(id: "doc/党的十九届三中全会") { ... on Document {
      form citedBy(planId: "cast-2018") { element { id } } } } }`);
    expect(data).toEqual({
      node: {
        form: 'MEETING',
        citedBy: [
          { element: { id: 'cast-2018' } },
          { element: { id: 'cast-2018/sec-1' } },
          { element: { id: 'cast-2018/goal-1' } },
        ],
      },
    });
    const plain = await server.gql(`{ neighborhood(id: "cast-2018/goal-1") { nodes { type } } }`);
    expect(
      (plain.data!['neighborhood'] as { nodes: { type: string }[] }).nodes.map((n) => n.type),
    ).not.toContain('Document');
    const cited = await server.gql(
      `{ neighborhood(id: "cast-2018/goal-1", types: ["CITES"]) { nodes { id type label } } }`,
    );
    expect(cited.data).toEqual({
      neighborhood: {
        nodes: [
          { id: 'cast-2018/goal-1', type: 'Goal', label: 'Goal 1: 优化职能体系' },
          { id: 'doc/党的十九届三中全会', type: 'Document', label: '党的十九届三中全会' },
        ],
      },
    });
  });

  it('refuses neither or both keys with BAD_USER_INPUT, and says NOT_FOUND for a document nobody cites', async () => {
    const neither = await server.gql('{ document { id } }');
    expect(neither.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
    expect(neither.errors![0]!.message).toBe(
      'Argument "title": expected exactly one of title and number, found {"title":null,"number":null}',
    );
    const both = await server.gql('{ document(title: "a", number: "b") { id } }');
    expect(both.errors![0]!.extensions!['code']).toBe('BAD_USER_INPUT');
    const none = await server.gql('{ document(title: "不存在的文件") { id } }');
    expect(none.errors![0]!.extensions!['code']).toBe('NOT_FOUND');
    expect(none.errors![0]!.message).toBe('title not found: "不存在的文件"');
  });
});
