/**
 * Any plan that loads can be exported: a plan of 3,000 tasks (and its ~14,000 sub-items) comes
 * out whole as GraphML and as Cytoscape JSON, and in the all-plans export beside the seed. A single
 * query carrying every relationship on every row hit Neo4j's transaction memory limit at 1,000
 * tasks; the export now reads the graph in pages.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { planCounts } from '../../src/graph/counts.ts';
import { loadPlan } from '../../src/ingest/load/load.ts';
import { emptyGraph, loadFiles, openTestDatabase, parseFile, SEED } from '../support/graph.ts';
import { repeatTasks } from '../support/large-plan.ts';
import { startTestServer } from '../support/server.ts';

const TIMES = 300;
let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  await loadPlan(db, repeatTasks(parseFile(SEED, 'large-3000'), TIMES), { force: true });
  server = await startTestServer(db);
}, 600_000);
afterAll(async () => {
  await server?.close();
  await emptyGraph(db);
  await db.close();
});

const total = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);

describe('export of a plan of 3,000 tasks', () => {
  it('comes out whole as Cytoscape JSON', { timeout: 300_000 }, async () => {
    const counts = await planCounts(db, 'large-3000');
    expect(counts.nodes.find((c) => c.label === 'Task')?.count).toBe(3000);
    const response = await fetch(`${server.url}/plans/large-3000/graph.json`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      elements: { nodes: { data: { id: string } }[]; edges: { data: { id: string; relation: string } }[] };
    };
    expect(body.elements.nodes).toHaveLength(total(counts.nodes));
    expect(body.elements.edges).toHaveLength(total(counts.relationships));
    expect(new Set(body.elements.edges.map((e) => e.data.id)).size).toBe(body.elements.edges.length);
    expect(body.elements.nodes.map((n) => n.data.id)).toContain('large-3000/task-3000/item-4');
  });

  it('comes out whole as GraphML', { timeout: 300_000 }, async () => {
    const counts = await planCounts(db, 'large-3000');
    const response = await fetch(`${server.url}/plans/large-3000/graph.graphml`);
    expect(response.status).toBe(200);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      await response.text(),
    );
    expect(doc.graphml.graph.node).toHaveLength(total(counts.nodes));
    expect(doc.graphml.graph.edge).toHaveLength(total(counts.relationships));
  });

  it('is in the all-plans export beside the seed', { timeout: 300_000 }, async () => {
    const [large, seed] = await Promise.all([planCounts(db, 'large-3000'), planCounts(db, 'cast-2018')]);
    const response = await fetch(`${server.url}/plans/graph.json`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      elements: { nodes: unknown[]; edges: { data: { relation: string } }[] };
    };
    // The large plan repeats the seed's tasks, so the loader links them (SAME_AS / CONTINUES): each
    // such edge touches both plans and is in both plans' counts, but once in the export.
    const across = body.elements.edges.filter((e) =>
      ['SAME_AS', 'CONTINUES'].includes(e.data.relation),
    ).length;
    expect(across).toBeGreaterThan(0);
    expect(body.elements.edges).toHaveLength(total(large.relationships) + total(seed.relationships) - across);
  });
});
