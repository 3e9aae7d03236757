/**
 * Exports that tools take as they are: typed GraphML keys that networkx reads into the right
 * Python types, Cytoscape JSON and a `neighborhood` answer that Cytoscape.js takes unchanged, the
 * API's enum spelling, `type` for the node type only, labels that say where a node is, and an
 * all-plans export beside the per-plan one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cytoscape from 'cytoscape';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { planCounts } from '../../src/graph/counts.ts';
import { emptyGraph, loadFiles, openTestDatabase, SECOND_PLAN, SEED } from '../support/graph.ts';
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

interface Key {
  id: string;
  for: string;
  'attr.name': string;
  'attr.type': string;
  desc?: string;
}
interface Item {
  id: string;
  source?: string;
  target?: string;
  data: { key: string; '#text': unknown }[] | { key: string; '#text': unknown };
}

async function graphml(path: string) {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false }).parse(
    xml,
  );
  const keys = doc.graphml.key as Key[];
  const byId = new Map(keys.map((k) => [k.id, k]));
  const attrs = (item: Item) =>
    Object.fromEntries(
      [item.data].flat().map((d) => [byId.get(d.key)!['attr.name'], String(d['#text'])]),
    ) as Record<string, string>;
  return { xml, keys, graph: doc.graphml.graph as { node: Item[]; edge: Item[] }, attrs };
}

function keyOf(keys: Key[], owner: 'node' | 'edge', name: string): Key | undefined {
  return keys.find((k) => k.for === owner && k['attr.name'] === name);
}

describe('GraphML export', () => {
  it('declares typed keys: numbers as int or double, lists as documented strings, no second `type`', async () => {
    const { keys } = await graphml('/plans/cast-2018/graph.graphml');
    expect(keyOf(keys, 'node', 'number')?.['attr.type']).toBe('int');
    expect(keyOf(keys, 'node', 'line')?.['attr.type']).toBe('int');
    expect(keyOf(keys, 'node', 'inGlossary')?.['attr.type']).toBe('boolean');
    expect(keyOf(keys, 'edge', 'score')?.['attr.type']).toBe('double');
    expect(keyOf(keys, 'edge', 'weight')?.['attr.type']).toBe('double');
    expect(keyOf(keys, 'edge', 'start')?.['attr.type']).toBe('int');
    expect(keyOf(keys, 'node', 'aliases')).toMatchObject({
      'attr.type': 'string',
      desc: 'A list; items separated by " | ".',
    });
    // `type` is the node type and nothing else: an element's `kind` repeated it; a concept's is conceptKind.
    expect(keyOf(keys, 'node', 'kind')).toBeUndefined();
    expect(keyOf(keys, 'node', 'conceptKind')?.['attr.type']).toBe('string');
    expect(keyOf(keys, 'edge', 'type')).toBeUndefined();
    expect(keyOf(keys, 'edge', 'relation')?.['attr.type']).toBe('string');
  });

  it('writes SERVES with weight, the API enum spelling and readable evidence; sub-items say where they are', async () => {
    const { graph, attrs } = await graphml('/plans/cast-2018/graph.graphml');
    const serves = graph.edge.find((e) => e.id === 'cast-2018/task-6>SERVES>cast-2018/goal-1')!;
    const edge = attrs(serves);
    expect(edge['relation']).toBe('SERVES');
    expect(edge['basis']).toBe('CONCEPT');
    expect(edge['weight']).toBe('0.8');
    expect(edge['score']).toBe('0.8');
    expect(edge['evidence']).toMatch(/^三性: 三性 \(line 64\) → 政治性先进性群众性 \(line 46\)$/);
    const item = attrs(graph.node.find((n) => n.id === 'cast-2018/task-6/item-3')!);
    expect(item['type']).toBe('SubItem');
    expect(item['label']).toMatch(/^6\.3 /);
    const concept = attrs(graph.node.find((n) => n.id === 'concept/四服务')!);
    expect(concept['type']).toBe('Concept');
    expect(concept['aliases']).not.toMatch(/^\[/);
  });

  it('is read by networkx with ints, floats and bools where the keys say so', async (ctx) => {
    // The export first: a slow probe first would leave the keep-alive socket idle long enough to race its close.
    const { xml } = await graphml('/plans/cast-2018/graph.graphml');
    const probe = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
    if (probe.status !== 0) ctx.skip(); // networkx not installed: the key checks above still hold
    const dir = mkdtempSync(join(tmpdir(), 'plan-graph-graphml-'));
    try {
      const file = join(dir, 'cast-2018.graphml');
      writeFileSync(file, xml);
      const script = [
        'import json, sys, networkx as nx',
        'g = nx.read_graphml(sys.argv[1])',
        'n = g.nodes["cast-2018/task-6"]',
        'e = next(iter(g.get_edge_data("cast-2018/task-6", "cast-2018/goal-1").values()))',
        'c = g.nodes["concept/四服务"]',
        'print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),',
        '  "number": type(n["number"]).__name__, "line": type(n["line"]).__name__, "type": n["type"],',
        '  "weight": [type(e["weight"]).__name__, e["weight"]], "basis": e["basis"],',
        '  "inGlossary": type(c["inGlossary"]).__name__}, ensure_ascii=False))',
      ].join('\n');
      const out = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as Record<
        string,
        unknown
      >;
      const counts = await planCounts(db, 'cast-2018');
      expect(out).toEqual({
        nodes: counts.nodes.reduce((n, c) => n + c.count, 0),
        // A MultiDiGraph: one entry per relationship, including a concept mentioned twice.
        edges: counts.relationships.reduce((n, c) => n + c.count, 0),
        number: 'int',
        line: 'int',
        type: 'Task',
        weight: ['float', 0.8],
        basis: 'CONCEPT',
        inGlossary: 'bool',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Cytoscape JSON', () => {
  it('graph.json goes into Cytoscape.js unchanged', async () => {
    const response = await fetch(`${server.url}/plans/cast-2018/graph.json`);
    const body = (await response.json()) as { elements: cytoscape.ElementsDefinition };
    const cy = cytoscape({ headless: true, elements: body.elements });
    const counts = await planCounts(db, 'cast-2018');
    expect(cy.nodes()).toHaveLength(counts.nodes.reduce((n, c) => n + c.count, 0));
    expect(cy.edges()).toHaveLength(counts.relationships.reduce((n, c) => n + c.count, 0));
    const serves = cy.getElementById('cast-2018/task-6>SERVES>cast-2018/goal-1');
    expect(serves.data()).toMatchObject({ relation: 'SERVES', basis: 'CONCEPT', weight: 0.8 });
    expect(serves.data('evidence')[0].phrase).toBe('三性');
    expect(
      cy
        .getElementById('dept/组人部')
        .outgoers('node')
        .map((n) => n.id()),
    ).toEqual(['cast-2018/task-3', 'cast-2018/task-6']);
  });

  it('a neighborhood answer’s cytoscape field goes into Cytoscape.js unchanged', async () => {
    const { data } = await server.gql<{ neighborhood: { cytoscape: cytoscape.ElementsDefinition } }>(
      '{ neighborhood(id: "cast-2018/task-6", depth: 1) { cytoscape } }',
    );
    const cy = cytoscape({ headless: true, elements: data!.neighborhood.cytoscape });
    expect(cy.getElementById('cast-2018/task-6').data('label')).toBe('Task 6: 强化基层基础,提升组织活力');
    expect(cy.getElementById('cast-2018/task-6/item-3').data('label')).toMatch(/^6\.3 /);
    // Goals task 6 serves, and the department that leads it, straight from Cytoscape's own traversal.
    const served = cy.getElementById('cast-2018/task-6').outgoers('node[type = "Goal"]');
    expect(served.map((n) => n.id()).sort()).toEqual([
      'cast-2018/goal-1',
      'cast-2018/goal-2',
      'cast-2018/goal-3',
    ]);
    expect(
      cy
        .getElementById('cast-2018/task-6')
        .incomers('node[type = "Department"]')
        .map((n) => n.id()),
    ).toEqual(['dept/组人部']);
  });
});

describe('all-plans export', () => {
  it('holds both plans and the departments they share once', async () => {
    const response = await fetch(`${server.url}/plans/graph.json`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { elements: cytoscape.ElementsDefinition };
    const ids = body.elements.nodes.map((n) => n.data.id!);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('cast-2018/task-6');
    expect(ids).toContain('local-2019');
    const cy = cytoscape({ headless: true, elements: body.elements });
    const [seed, second] = await Promise.all([planCounts(db, 'cast-2018'), planCounts(db, 'local-2019')]);
    const relationships = (c: typeof seed) => c.relationships.reduce((n, r) => n + r.count, 0);
    expect(cy.edges()).toHaveLength(relationships(seed) + relationships(second));
    const { graph } = await graphml('/plans/graph.graphml');
    expect(graph.node).toHaveLength(ids.length);
  });
});
