/**
 * Exports at plain URLs, for tools that read files rather than GraphQL:
 *   GET /plans/:planId/graph.graphml   one plan as GraphML (Gephi, yEd, networkx)
 *   GET /plans/:planId/graph.json      one plan as Cytoscape.js JSON
 *   GET /plans/graph.graphml|json      every plan loaded, with the departments and concepts they share
 *
 * Any plan that loads can be exported: the graph is read in pages of PAGE_SIZE nodes (each page
 * one read transaction, so no transaction holds the whole plan) and the answer is written as the
 * pages arrive. Pages are separate transactions: a plan reloaded during an export is detected
 * (its sha256 changes) and the export ends with an error rather than mixing two versions.
 */
import { Router, type Response } from 'express';
import type { Database } from '../../db/database.ts';
import { DatabaseError } from '../../db/errors.ts';
import type { NodeRow } from '../../graph/rows.ts';
import { shapeNode, type ShapeEdge, type ShapeNode } from '../../graph/shape.ts';
import { edgeData, graphmlKeys, nodeData } from './attributes.ts';
import { GraphMLWriter } from './graphml.ts';

const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Nodes per page: a page of a large plan (nodes with their edges) stays a few megabytes. */
export const PAGE_SIZE = 2_000;

type Format = 'graphml' | 'json';

interface PageRow {
  node: NodeRow;
  edges: ShapeEdge[];
}

/** The export's nodes, shared ones first, then the plan's own page by page, each with its edges. */
async function* pages(
  db: Database,
  planId: string | null,
): AsyncGenerator<{ nodes: ShapeNode[]; edges: ShapeEdge[] }> {
  if (planId !== null) {
    const shared = await db.read<{ node: NodeRow }>('export-shared', { planId });
    yield { nodes: shared.map((r) => shapeNode(r.node)), edges: [] };
  }
  let after = '';
  for (;;) {
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

/** Source hashes of the plans in the export: read before and after, they must agree. */
async function versions(db: Database, planId: string | null): Promise<string> {
  const plans = await db.read<{ node: NodeRow & { sha256?: string; loaderVersion?: string } }>('plans-all');
  return plans
    .filter((p) => planId === null || p.node.id === planId)
    .map((p) => `${p.node.id}@${p.node.sha256 ?? ''}/${p.node.loaderVersion ?? ''}`)
    .sort()
    .join(',');
}

async function write(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
}

async function exportGraph(
  db: Database,
  res: Response,
  planId: string | null,
  format: Format,
): Promise<void> {
  const before = await versions(db, planId);
  if (planId !== null && before === '') {
    res.status(404).json({ code: 'NOT_FOUND', message: `plan not found: ${JSON.stringify(planId)}` });
    return;
  }
  const name = planId ?? 'all-plans';
  const keys =
    format === 'graphml'
      ? graphmlKeys(
          await db.read<{ owner: string; name: string; types: string[] }>('export-keys', { planId }),
        )
      : [];
  const graphml = new GraphMLWriter(keys);
  // Nothing is sent before the first page is read, so a failing database still gets a clean 503.
  const stream = pages(db, planId);
  let next = await stream.next();
  if (format === 'graphml') {
    res.type('application/graphml+xml; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${name}.graphml"`);
    await write(res, graphml.header(name));
  } else {
    res.type('application/json; charset=utf-8');
    res.setHeader('content-disposition', `inline; filename="${name}.json"`);
    await write(res, '{"elements":{"nodes":[');
  }
  // Cytoscape JSON lists every node before any edge: edges wait, already serialised.
  const edgesJson: string[] = [];
  let firstNode = true;
  while (!next.done) {
    const { nodes, edges } = next.value;
    if (format === 'graphml') {
      await write(
        res,
        nodes.map((n) => graphml.node(n)).join('') + edges.map((e) => graphml.edge(e)).join(''),
      );
    } else if (nodes.length > 0) {
      await write(
        res,
        (firstNode ? '' : ',') + nodes.map((n) => JSON.stringify({ data: nodeData(n) })).join(','),
      );
      firstNode = false;
      for (const e of edges) edgesJson.push(JSON.stringify({ data: edgeData(e) }));
    } else {
      for (const e of edges) edgesJson.push(JSON.stringify({ data: edgeData(e) }));
    }
    next = await stream.next();
  }
  if ((await versions(db, planId)) !== before) {
    // Headers are gone: the only honest thing left is to break the answer off.
    res.destroy(new Error(`${name} was reloaded during the export; export it again`));
    return;
  }
  if (format === 'graphml') {
    await write(res, graphml.footer());
  } else {
    await write(res, `],"edges":[${edgesJson.join(',')}]}}`);
  }
  res.end();
}

export function exportRouter(db: Database): Router {
  const router = Router();
  const handle = async (res: Response, planId: string | null, format: string): Promise<void> => {
    if (format !== 'graphml' && format !== 'json') {
      res
        .status(404)
        .json({ code: 'NOT_FOUND', message: `unknown export format "${format}": expected graphml or json` });
      return;
    }
    try {
      await exportGraph(db, res, planId, format);
    } catch (error) {
      if (res.headersSent) {
        console.error('[export] failed after the answer began:', error);
        res.destroy(error as Error);
        return;
      }
      if (error instanceof DatabaseError && error.code === 'DATABASE_UNAVAILABLE') {
        res.status(503).json({
          code: 'DATABASE_UNAVAILABLE',
          message: 'The graph database is unreachable right now; try again in a moment.',
        });
        return;
      }
      console.error('[export] internal error:', error);
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
    }
  };
  router.get('/plans/graph.:format', (req, res) => handle(res, null, req.params.format));
  router.get('/plans/:planId/graph.:format', async (req, res) => {
    const { planId, format } = req.params;
    if (!PLAN_ID.test(planId)) {
      res.status(400).json({
        code: 'BAD_USER_INPUT',
        message: `expected a plan id such as "cast-2018", found ${JSON.stringify(planId)}`,
      });
      return;
    }
    await handle(res, planId, format);
  });
  return router;
}
