/** Full-text search and graph shapes (neighbourhood, subgraph, shortest paths) for visualizations. */
import type { Resolvers } from '../../generated/graphql.ts';
import { toLuceneQuery } from '../../graph/lucene.ts';
import type { NodeRow } from '../../graph/rows.ts';
import { byId, shapeNode, type ShapeEdge, type ShapeNode } from '../../graph/shape.ts';
import { BadInputError, NotFoundError } from '../errors.ts';
import { cytoscapeElements } from '../export/attributes.ts';
import type { Context } from '../context.ts';
import { checkId, checkSearchText } from './args.ts';
import { searchHit } from '../search/hits.ts';
import { optionalPlan } from './shared.ts';
import { selectsPath } from '../lookahead.ts';
import type { GraphQLResolveInfo } from 'graphql';

const MAX_HITS = 100;
const MAX_SHAPE = 2_000;

function checkRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(argument, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

async function mustExist(ctx: Context, argument: string, id: string): Promise<void> {
  if ((await ctx.loaders.node.load(checkId(argument, id))) === null) throw new NotFoundError(argument, id);
}

/**
 * Whether a shape's answer needs whole nodes and edges: their properties, or the Cytoscape form
 * (which carries them). Without, a node travels as what its label is drawn from and an edge
 * without properties: a neighbourhood asked for ids moves a tenth of the bytes over Bolt.
 */
function needsProperties(info: GraphQLResolveInfo): boolean {
  return (
    selectsPath(info, ['nodes', 'properties']) ||
    selectsPath(info, ['edges', 'properties']) ||
    selectsPath(info, ['cytoscape'])
  );
}

interface ShapeRows {
  nodes: NodeRow[];
  edges: ShapeEdge[];
  total: number;
}

/** Nodes and edges with their Cytoscape.js form, computed only when a query asks for it. */
function drawable<T extends { nodes: ShapeNode[]; edges: ShapeEdge[] }>(
  value: T,
): T & { readonly cytoscape: unknown } {
  return Object.defineProperty(value, 'cytoscape', {
    get: () => cytoscapeElements(value.nodes, value.edges),
    enumerable: true,
  }) as T & { readonly cytoscape: unknown };
}

function shape(row: ShapeRows | undefined, limit: number) {
  return drawable({
    nodes: (row?.nodes ?? []).map(shapeNode),
    edges: [...(row?.edges ?? [])].sort(byId),
    truncated: (row?.total ?? 0) > limit,
    limit,
  });
}

export const exploreResolvers: Resolvers = {
  Query: {
    search: async (_root, { query, planId, types, first }, ctx) => {
      const size = checkRange('first', first ?? 10, 1, MAX_HITS);
      const lucene = toLuceneQuery(checkSearchText('query', query));
      if (lucene === null) throw new BadInputError('query', 'some text to search for', query);
      const params = { planId: await optionalPlan(ctx, planId), types: types ?? null, first: size };
      let rows = await ctx.db.read<{ node: NodeRow; score: number }>('search-fulltext', {
        ...params,
        lucene,
      });
      // The bigram index cannot see a lone character: fall back to a plain substring scan.
      if (rows.length === 0) {
        rows = await ctx.db.read('search-substring', { ...params, text: query.trim() });
      }
      return rows.map((row) => {
        ctx.loaders.node.prime(row.node.id, row.node);
        return searchHit(row, query);
      });
    },
    neighborhood: async (_root, { id, depth, types, limit }, ctx, info) => {
      const max = checkRange('limit', limit ?? 200, 1, MAX_SHAPE);
      const [row] = await ctx.db.read<ShapeRows & Record<string, unknown>>('graph-neighborhood', {
        id: checkId('id', id),
        depth: checkRange('depth', depth ?? 1, 1, 3),
        types: types ?? null,
        limit: max,
        full: needsProperties(info),
      });
      // No row: no such start node (asked only then, so a found one costs one statement).
      if (row === undefined) await mustExist(ctx, 'id', id);
      return shape(row, max);
    },
    subgraph: async (_root, { ids, types, expand, limit }, ctx, info) => {
      ids.forEach((id) => checkId('ids', id));
      const max = checkRange('limit', limit ?? 200, 1, MAX_SHAPE);
      const [row] = await ctx.db.read<ShapeRows & Record<string, unknown>>('graph-subgraph', {
        ids,
        types: types ?? null,
        expand: expand ?? false,
        limit: max,
        full: needsProperties(info),
      });
      return shape(row, max);
    },
    path: async (_root, { from, to, maxLength, types }, ctx, info) => {
      const ends = () => Promise.all([mustExist(ctx, 'from', from), mustExist(ctx, 'to', to)]);
      if (from === to) {
        await ends();
        throw new BadInputError('to', 'an id other than `from`', to);
      }
      const rows = await ctx.db.read<{ nodes: NodeRow[]; edges: ShapeEdge[] }>('graph-paths', {
        from: checkId('from', from),
        to: checkId('to', to),
        maxLength: checkRange('maxLength', maxLength ?? 6, 1, 8),
        types: types ?? null,
        full: needsProperties(info),
      });
      // No path: either end may be missing (an error) or the two are not connected (an empty list).
      if (rows.length === 0) await ends();
      return rows
        .map((r) => drawable({ length: r.edges.length, nodes: r.nodes.map(shapeNode), edges: r.edges }))
        .sort((a, b) =>
          a.nodes
            .map((n) => n.id)
            .join()
            .localeCompare(b.nodes.map((n) => n.id).join()),
        );
    },
  },
  SearchHit: {
    node: async (hit, _a, ctx) => (await ctx.loaders.node.load(hit.id))!,
  },
};
