import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { planCounts } from '../../src/graph/counts.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { startTestServer, type Gql } from '../support/server.ts';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
let gql: Gql;

interface Hit {
  id: string;
  type: string;
  score: number;
  snippet: string;
}

async function search(query: string, extra = ''): Promise<Hit[]> {
  const { data, errors } = await gql<{ search: Hit[] }>(
    `query ($q: String!) { search(query: $q${extra}) { id type score snippet } }`,
    { q: query },
  );
  expect(errors).toBeUndefined();
  return data!.search;
}

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

describe('full-text search', () => {
  it('finds 四服务 as a phrase: the concept and the goal that names it, nothing that only says 服务', async () => {
    const hits = await search('四服务');
    expect(hits.map((h) => h.id).sort()).toEqual(['cast-2018/goal-1', 'concept/四服务']);
    const goal = hits.find((h) => h.id === 'cast-2018/goal-1')!;
    expect(goal.type).toBe('Goal');
    expect(goal.snippet).toContain('【四服务】');
  });

  it('finds 1-9-6-1 and 3+1 although the analyzer drops their punctuation', async () => {
    const layout = await search('1-9-6-1');
    expect(layout.map((h) => h.id)).toContain('cast-2018/principle-2');
    expect(layout.map((h) => h.id)).toContain('concept/1-9-6-1工作布局');
    const pilot = await search('3+1');
    expect(pilot.map((h) => h.id)).toContain('cast-2018/task-6/item-3');
  });

  it('finds a concept by the English words of its gloss', async () => {
    const hits = await search('four services');
    expect(hits.map((h) => h.id)).toEqual(['concept/四服务']);
    expect(hits[0]!.type).toBe('Concept');
  });

  it('takes Lucene syntax in the input literally: no error, no injection', async () => {
    for (const input of ['"', 'AND', '(四服务', 'title:四服务 OR *', '\\', '~?^']) {
      const { errors } = await gql(`query ($q: String!) { search(query: $q) { id } }`, { q: input });
      expect(errors, input).toBeUndefined();
    }
    expect(await search('title:四服务 OR *')).toEqual([]);
  });

  it('finds a single character by substring, which the bigram index cannot', async () => {
    const hits = await search('厨');
    expect(hits.map((h) => h.id)).toContain('cast-2018/task-1/item-5');
  });

  it('filters by type', async () => {
    const hits = await search('科普', ', types: [Task]');
    expect(hits.map((h) => h.id)).toEqual(['cast-2018/task-9']);
  });

  it('takes types from the SearchType enum: a hit type passes back, a string or unknown name is refused', async () => {
    const concepts = await search('four services', ', types: [Concept]');
    expect(concepts.map((h) => `${h.type} ${h.id}`)).toEqual(['Concept concept/四服务']);
    const asString = await gql(`{ search(query: "科普", types: ["Task"]) { id } }`);
    expect(asString.data).toBeUndefined();
    expect(asString.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(asString.errors![0]!.message).toBe(
      'Enum "SearchType" cannot represent non-enum value: "Task". Did you mean the enum value "Task"?',
    );
    const unknown = await gql(`{ searchPage(query: "科普", types: [Taks]) { totalCount } }`);
    expect(unknown.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(unknown.errors![0]!.message).toMatch(
      /^Value "Taks" does not exist in "SearchType" enum\. Did you mean the enum value "Task"\?$/,
    );
  });
});

describe('graph shapes for visualizations', () => {
  it('neighborhood of 组人部 at depth 1 is the department and the two tasks it leads', async () => {
    const { data } = await gql(`{ neighborhood(id: "dept/组人部") {
      truncated limit nodes { id type label } edges { id type source target properties } } }`);
    const shape = data!.neighborhood;
    expect(shape.truncated).toBe(false);
    expect(shape.nodes.map((n: { id: string }) => n.id)).toEqual([
      'dept/组人部',
      'cast-2018/task-3',
      'cast-2018/task-6',
    ]);
    expect(shape.edges.map((e: { type: string; target: string }) => `${e.type}>${e.target}`).sort()).toEqual([
      'LEADS>cast-2018/task-3',
      'LEADS>cast-2018/task-6',
    ]);
    expect(shape.edges[0].properties.quote).toBe('组人部');
  });

  it('caps a neighbourhood at the limit and says so', async () => {
    const { data } = await gql(
      `{ neighborhood(id: "cast-2018", depth: 3, limit: 10) { truncated nodes { id } } }`,
    );
    expect(data!.neighborhood.truncated).toBe(true);
    expect(data!.neighborhood.nodes).toHaveLength(10);
    expect(data!.neighborhood.nodes[0].id).toBe('cast-2018');
  });

  it('subgraph of a task and its two lead departments has exactly their two LEADS edges', async () => {
    const { data } = await gql(`{ subgraph(ids: ["cast-2018/task-4", "dept/办公厅", "dept/信息中心"]) {
      nodes { id } edges { type source target } } }`);
    expect(data!.subgraph.nodes.map((n: { id: string }) => n.id)).toEqual([
      'cast-2018/task-4',
      'dept/办公厅',
      'dept/信息中心',
    ]);
    expect(data!.subgraph.edges).toEqual([
      { type: 'LEADS', source: 'dept/信息中心', target: 'cast-2018/task-4' },
      { type: 'LEADS', source: 'dept/办公厅', target: 'cast-2018/task-4' },
    ]);
  });

  it('rejects a bad depth and an unknown node with codes', async () => {
    const depth = await gql(`{ neighborhood(id: "dept/组人部", depth: 9) { truncated } }`);
    expect(depth.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const unknown = await gql(`{ path(from: "dept/无此部", to: "cast-2018/goal-3") { length } }`);
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

describe('whole-plan export', () => {
  it('serves GraphML that a real XML parser reads, with every node and edge and their provenance', async () => {
    const response = await fetch(`${server.url}/plans/cast-2018/graph.graphml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const graph = doc.graphml.graph;
    expect(graph.edgedefault).toBe('directed');
    const counts = await planCounts(db, 'cast-2018');
    const totalNodes = counts.nodes.reduce((n, c) => n + c.count, 0);
    expect(graph.node).toHaveLength(totalNodes);
    const totalEdges = counts.relationships.reduce((n, c) => n + c.count, 0);
    expect(graph.edge).toHaveLength(totalEdges);
    const task6 = graph.node.find((n: { id: string }) => n.id === 'cast-2018/task-6');
    const data = Object.fromEntries(
      task6.data.map((d: { key: string; '#text': unknown }) => [d.key, d['#text']]),
    );
    expect(data['n_type']).toBe('Task');
    expect(data['n_title']).toBe('强化基层基础,提升组织活力');
    expect(data['n_line']).toBe(64);
  });

  it('serves Cytoscape JSON with the same elements', async () => {
    const response = await fetch(`${server.url}/plans/cast-2018/graph.json`);
    const body = (await response.json()) as {
      elements: { nodes: { data: { id: string } }[]; edges: unknown[] };
    };
    const ids = body.elements.nodes.map((n) => n.data.id);
    expect(ids).toContain('concept/四服务');
    expect(ids).toContain('dept/组人部');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers an unknown plan with 404 and a code', async () => {
    const response = await fetch(`${server.url}/plans/nope-1/graph.graphml`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'NOT_FOUND', message: 'plan not found: "nope-1"' });
  });
});
