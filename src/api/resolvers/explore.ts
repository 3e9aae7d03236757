/** Full-text search and graph shapes (neighbourhood, subgraph, shortest paths) for visualizations. */
import type { Resolvers } from '../../generated/graphql.ts';
import { toLuceneQuery } from '../../graph/lucene.ts';
import type { NodeRow } from '../../graph/rows.ts';
import { byId, shapeNode, shapeType, type ShapeEdge, type ShapeNode } from '../../graph/shape.ts';
import { BadInputError } from '../errors.ts';
import { cytoscapeElements } from '../export/attributes.ts';
import { checkId, checkSearchText } from './args.ts';
import { searchHit } from '../search/hits.ts';
import { optionalPlan, typeOf } from './shared.ts';
import { resolveNode } from './refs.ts';
import { MEANING_TYPES } from '../../graph/meaning.ts';
import { namesAt } from '../lookahead.ts';
import type { GraphQLResolveInfo } from 'graphql';

const MAX_HITS = 100;
const MAX_SHAPE = 2_000;
/** Most ids a subgraph starts from. */
const MAX_IDS = 200;

/**
 * The relationship types a path follows: those asked for, else every type when `structure`, else
 * the ones that carry meaning (src/graph/meaning.ts).
 */
function pathTypes(types: readonly string[] | null | undefined, structure: boolean | null | undefined) {
  if (types !== null && types !== undefined) return [...types];
  return structure ? null : [...MEANING_TYPES];
}

function checkRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(argument, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

/**
 * How much of each node and edge a shape's statement returns. 'full': whole nodes and edges, for
 * their properties or the Cytoscape form (which carries them). 'short': what a node's label is
 * drawn from, edges without properties — a neighbourhood asked for labels moves a tenth of the
 * bytes over Bolt. 'ids': a node's id and labels only (its `type`), when nothing else of a node is
 * selected.
 */
type Detail = 'full' | 'short' | 'ids';

const NODE_FIELDS_OF_IDS = new Set(['id', 'type', '__typename']);
/** What a search hit answers without its node's text: `node` and `snippet` need the whole node. */
const HIT_FIELDS_OF_IDS = new Set(['id', 'type', 'score', '__typename']);

function detailOf(info: GraphQLResolveInfo): Detail {
  const nodes = namesAt(info, ['nodes']);
  if (
    nodes.has('properties') ||
    namesAt(info, ['edges']).has('properties') ||
    namesAt(info, []).has('cytoscape')
  ) {
    return 'full';
  }
  for (const name of nodes) if (!NODE_FIELDS_OF_IDS.has(name)) return 'short';
  return 'ids';
}

const EDGE_FIELDS_OF_IDS = new Set(['id', '__typename']);

/**
 * Whether a neighbourhood query reads nothing but ids (of nodes and edges), node types and the
 * cut: cypher/graph-neighborhood-ids then answers it with lists of ids, no node or edge maps.
 */
function idsOnly(info: GraphQLResolveInfo): boolean {
  if (namesAt(info, []).has('cytoscape')) return false;
  for (const name of namesAt(info, ['nodes'])) if (!NODE_FIELDS_OF_IDS.has(name)) return false;
  for (const name of namesAt(info, ['edges'])) if (!EDGE_FIELDS_OF_IDS.has(name)) return false;
  return true;
}

interface IdRows {
  nodeIds: string[];
  /** Each node's labels, when the query reads node types. */
  nodeLabels: string[][] | null;
  edgeIds: string[];
  total: number;
}

/**
 * A shape from ids alone (idsOnly): a node's `type` from its labels when they were asked for; the
 * fields no such query reads (a node's label and properties, an edge's ends and type) are left
 * empty rather than fetched.
 */
function shapeOfIds(row: IdRows | undefined, limit: number) {
  // The id lists were decoded for this request alone: the edges' is sorted in place. No
  // `cytoscape` (idsOnly is false when it is selected), so no getter to define on the answer.
  return {
    nodes: nodesOfIds(row?.nodeIds ?? [], row?.nodeLabels ?? null),
    edges: (row?.edgeIds ?? [])
      .sort()
      .map((id) => ({ id, type: '', source: '', target: '', properties: NONE })),
    truncated: (row?.total ?? 0) > limit,
    limit,
    cytoscape: null,
  };
}

/** The properties of a node or edge of an ids-only answer, which no such query reads. */
const NONE: Readonly<Record<string, unknown>> = Object.freeze({});

/** The nodes of an ids-only answer: a node's `type` from its labels when they were read, else empty. */
function nodesOfIds(ids: readonly string[], labels: readonly string[][] | null) {
  return ids.map((id, i) => ({
    id,
    type: labels === null ? '' : shapeType(labels[i]!),
    label: '',
    properties: NONE,
  }));
}

/** What a path answers from ids alone (pathIdsOnly): nothing of it but its length and its nodes' ids and types. */
const PATH_FIELDS_OF_IDS = new Set(['length', 'nodes', '__typename']);

/**
 * Whether a path query reads nothing but each path's length and its nodes' ids and types:
 * cypher/graph-paths-ids then answers it with lists of ids, no node or edge maps.
 */
function pathIdsOnly(info: GraphQLResolveInfo): boolean {
  for (const name of namesAt(info, [])) if (!PATH_FIELDS_OF_IDS.has(name)) return false;
  for (const name of namesAt(info, ['nodes'])) if (!NODE_FIELDS_OF_IDS.has(name)) return false;
  return true;
}

interface PathIdRows {
  nodeIds: string[];
  /** Each node's labels, when the query reads node types. */
  nodeLabels: string[][] | null;
  length: number;
}

/** A path from ids alone (pathIdsOnly): a node's `type` from its labels when asked; the fields no such query reads left empty. */
function pathOfIds(row: PathIdRows) {
  return {
    length: row.length,
    nodes: nodesOfIds(row.nodeIds, row.nodeLabels),
    edges: [],
    cytoscape: null,
  };
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
    search: async (_root, { query, planId, types, first }, ctx, info) => {
      const size = checkRange('first', first ?? 10, 1, MAX_HITS);
      const lucene = toLuceneQuery(checkSearchText('query', query));
      if (lucene === null) throw new BadInputError('query', 'some text to search for', query);
      // A plan to check only when one is given: no promise to wait for otherwise.
      const plan = planId === null || planId === undefined ? null : await optionalPlan(ctx, planId);
      const params = { planId: plan, types: types ?? null, first: size };
      // Whole nodes only for a hit's node or its snippet (drawn from the node's text): a search
      // asked for ids moves ids over Bolt, not every hit's text.
      const whole = [...namesAt(info, [])].some((name) => !HIT_FIELDS_OF_IDS.has(name));
      let rows = await ctx.db.read<{ node: NodeRow; score: number }>(
        whole ? 'search-fulltext' : 'search-fulltext-ids',
        { ...params, lucene },
      );
      // The bigram index cannot see a lone character: fall back to a plain substring scan.
      if (rows.length === 0) {
        rows = await ctx.db.read('search-substring', { ...params, text: query.trim() });
      } else if (!whole) {
        return rows.map(({ node, score }) => ({ id: node.id, type: typeOf(node), score, snippet: '' }));
      }
      return rows.map((row) => {
        ctx.loaders.node.prime(row.node.id, row.node);
        return searchHit(row, query);
      });
    },
    neighborhood: async (_root, { id, depth, types, limit }, ctx, info) => {
      const max = checkRange('limit', limit ?? 200, 1, MAX_SHAPE);
      const common = { depth: checkRange('depth', depth ?? 1, 1, 3), types: types ?? null, limit: max };
      // No row: no such node by that id; a name (组人部, 四服务) then stands for its node, asked only
      // then, so a found id costs one statement.
      const start = /^\S+$/u.test(id) ? checkId('id', id) : id;
      const around = async <R extends Record<string, unknown>>(statement: string, params: object) => {
        const read = (node: string) => ctx.db.read<R>(statement, { ...common, ...params, id: node });
        const [row] = await read(start);
        return row ?? (await read(await resolveNode(ctx, 'id', id)))[0];
      };
      if (idsOnly(info)) {
        const typed = namesAt(info, ['nodes']).has('type');
        return shapeOfIds(
          await around<IdRows & Record<string, unknown>>('graph-neighborhood-ids', { typed }),
          max,
        );
      }
      const detail = detailOf(info);
      return shape(await around<ShapeRows & Record<string, unknown>>('graph-neighborhood', { detail }), max);
    },
    subgraph: async (_root, { ids, types, expand, limit }, ctx, info) => {
      if (ids.length > MAX_IDS) throw new BadInputError('ids', `at most ${MAX_IDS} ids`, `${ids.length} ids`);
      const max = checkRange('limit', limit ?? 200, 1, MAX_SHAPE);
      const read = (starts: string[]) =>
        ctx.db.read<ShapeRows & Record<string, unknown>>('graph-subgraph', {
          ids: starts,
          types: types ?? null,
          expand: expand ?? false,
          limit: max,
          full: detailOf(info) === 'full',
        });
      let [row] = await read(ids.map((id) => (/^\S+$/u.test(id) ? checkId('ids', id) : id)));
      // The given nodes come first, so each one found is in the answer when they fit the limit.
      // One that is not may be a name (组人部 for dept/组人部), or NOT_FOUND with the nearest ids.
      const found = new Set((row?.nodes ?? []).map((n) => n.id));
      if (ids.length <= max && ids.some((id) => !found.has(id))) {
        const resolved = await Promise.all(
          ids.map((id) => (found.has(id) ? id : resolveNode(ctx, 'ids', id))),
        );
        [row] = await read([...new Set(resolved)]);
      }
      return shape(row, max);
    },
    path: async (_root, { from, to, maxLength, types, structure }, ctx, info) => {
      const ids = pathIdsOnly(info);
      const params = {
        maxLength: checkRange('maxLength', maxLength ?? 6, 1, 8),
        types: pathTypes(types, structure),
        ...(ids ? { typed: namesAt(info, ['nodes']).has('type') } : { detail: detailOf(info) }),
      };
      const read = async (a: string, b: string) => {
        const given = { ...params, from: a, to: b };
        if (ids)
          return (await ctx.db.read<PathIdRows & Record<string, unknown>>('graph-paths-ids', given)).map(
            pathOfIds,
          );
        const rows = await ctx.db.read<{ nodes: NodeRow[]; edges: ShapeEdge[] }>('graph-paths', given);
        return rows.map((r) =>
          drawable({ length: r.edges.length, nodes: r.nodes.map(shapeNode), edges: r.edges }),
        );
      };
      const shaped = (id: string, argument: string) => (/^\S+$/u.test(id) ? checkId(argument, id) : id);
      let paths = from === to ? [] : await read(shaped(from, 'from'), shaped(to, 'to'));
      // No path: an end may be a name (组人部 for dept/组人部) or missing (NOT_FOUND, with the
      // nearest ids), or the two are not connected within maxLength (an empty list).
      if (paths.length === 0) {
        const [a, b] = await Promise.all([resolveNode(ctx, 'from', from), resolveNode(ctx, 'to', to)]);
        if (a === b) throw new BadInputError('to', 'a node other than `from`', to);
        if (a !== from || b !== to) paths = await read(a, b);
      }
      return paths.sort((a, b) =>
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
