/**
 * Whole-plan export at plain URLs, for tools that read files rather than GraphQL:
 *   GET /plans/:planId/graph.graphml   GraphML (Gephi, yEd)
 *   GET /plans/:planId/graph.json      Cytoscape.js JSON
 */
import { Router } from 'express';
import type { Database } from '../../db/database.ts';
import { DatabaseError } from '../../db/errors.ts';
import type { NodeRow } from '../../graph/rows.ts';
import { byId, shapeNode, type ShapeEdge } from '../../graph/shape.ts';
import { toCytoscape, toGraphML } from './graphml.ts';

const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function exportRouter(db: Database): Router {
  const router = Router();
  router.get('/plans/:planId/graph.:format', async (req, res) => {
    const { planId, format } = req.params;
    if (format !== 'graphml' && format !== 'json') {
      res
        .status(404)
        .json({ code: 'NOT_FOUND', message: `unknown export format "${format}": expected graphml or json` });
      return;
    }
    if (!PLAN_ID.test(planId)) {
      res.status(400).json({
        code: 'BAD_USER_INPUT',
        message: `expected a plan id such as "cast-2018", found ${JSON.stringify(planId)}`,
      });
      return;
    }
    try {
      const [row] = await db.read<{ nodes: NodeRow[]; edges: ShapeEdge[] }>('graph-plan', { planId });
      if (row === undefined || row.nodes.length === 0) {
        res.status(404).json({ code: 'NOT_FOUND', message: `plan not found: ${JSON.stringify(planId)}` });
        return;
      }
      const nodes = row.nodes.map(shapeNode);
      const edges = [...row.edges].sort(byId);
      if (format === 'graphml') {
        res.type('application/graphml+xml; charset=utf-8');
        res.setHeader('content-disposition', `attachment; filename="${planId}.graphml"`);
        res.send(toGraphML(planId, nodes, edges));
      } else {
        res.json(toCytoscape(nodes, edges));
      }
    } catch (error) {
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
  });
  return router;
}
