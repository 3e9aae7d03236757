/**
 * An export's body after its header, as the chunks it is written in: one per page of the graph
 * (GraphML nodes with their edges; Cytoscape JSON's nodes, then its edges on a second pass). The
 * same generator runs in the export's worker thread (page-task.ts) or, where no worker can read,
 * on the main thread; either way the bytes are the same.
 */
import type { Database } from '../../db/database.ts';
import type { NodeRow } from '../../graph/rows.ts';
import { shapeNode, type ShapeEdge, type ShapeNode } from '../../graph/shape.ts';
import { edgeData, nodeData, type GraphMLKey } from './attributes.ts';
import { GraphMLWriter } from './graphml.ts';

/**
 * Nodes per page. An export holds one page (nodes with their edges) at a time, and between pages
 * cheap questions go first (router.ts): pages of 2,000 held the event loop long enough to delay
 * every cheap question behind an export (bench/RESULTS.md, availability).
 */
export const PAGE_SIZE = 500;

export type Format = 'graphml' | 'json';

interface PageRow {
  node: NodeRow;
  edges: ShapeEdge[];
}

/** The export's nodes, shared ones first, then the plan's own page by page, each with its edges. */
async function* pages(
  db: Database,
  planId: string | null,
  pause: () => Promise<void>,
): AsyncGenerator<{ nodes: ShapeNode[]; edges: ShapeEdge[] }> {
  if (planId !== null) {
    const shared = await db.read<{ node: NodeRow }>('export-shared', { planId });
    yield { nodes: shared.map((r) => shapeNode(r.node)), edges: [] };
  }
  let after = '';
  for (;;) {
    await pause();
    const rows = await db.read<PageRow & Record<string, unknown>>('export-page', {
      planId,
      after,
      limit: PAGE_SIZE,
    });
    if (rows.length === 0) return;
    yield { nodes: rows.map((r) => shapeNode(r.node)), edges: rows.flatMap((r) => r.edges) };
    if (rows.length < PAGE_SIZE) return;
    after = rows.at(-1)!.node.id;
  }
}

/** The body's chunks between the header (router.ts) and the footer; `pause` runs before each page read. */
export async function* bodyChunks(
  db: Database,
  planId: string | null,
  format: Format,
  keys: readonly GraphMLKey[],
  pause: () => Promise<void> = () => Promise.resolve(),
): AsyncGenerator<string> {
  if (format === 'graphml') {
    const graphml = new GraphMLWriter(keys);
    for await (const { nodes, edges } of pages(db, planId, pause)) {
      yield nodes.map((n) => graphml.node(n)).join('') + edges.map((e) => graphml.edge(e)).join('');
    }
    return;
  }
  // Cytoscape JSON lists every node before any edge. Holding the edges until the nodes are
  // written grew with the graph (1.3 GB for 20 all-plans exports at once): the pages are read
  // twice instead, nodes on the first pass and edges on the second; the router checks that both
  // passes saw one graph (the plans' hashes before and after).
  let first = true;
  for await (const { nodes } of pages(db, planId, pause)) {
    if (nodes.length === 0) continue;
    yield (first ? '' : ',') + nodes.map((n) => JSON.stringify({ data: nodeData(n) })).join(',');
    first = false;
  }
  yield '],"edges":[';
  first = true;
  for await (const { edges } of pages(db, planId, pause)) {
    if (edges.length === 0) continue;
    yield (first ? '' : ',') + edges.map((e) => JSON.stringify({ data: edgeData(e) })).join(',');
    first = false;
  }
}
