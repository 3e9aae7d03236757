/**
 * The cost of an operation: how many values its answer can hold at most, in the graph as it is.
 * Each object and each scalar counts 1, and a list multiplies what one item costs by the most
 * items the list can have (bounds.ts): the known size of the graph for lists of nodes and
 * relationships, the page size for pages. A query that follows back-edges
 * (`plans { tasks { plan { tasks … } } }`) multiplies at every turn, so its price grows as fast
 * as its answer would, and it is refused before any resolver runs when the price passes the
 * limit. graphql-query-complexity walks the document (fragments, variables, skip/include);
 * the estimator is this project's.
 */
import { GraphQLError, type DocumentNode, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { ErrorCode } from '../errors.ts';
import { type GraphSize, coverageScale, listBound } from './bounds.ts';
import { degreeOf } from './coverage-degree.ts';
import { fieldWork } from './work.ts';

/** Arguments that size a page: the field's items are at most this many (ids: one per id). */
const PAGE_ARGUMENTS = ['first', 'limit'] as const;

function pageSize(args: Record<string, unknown>): number | null {
  for (const name of PAGE_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(1, Math.ceil(value));
  }
  // nodes(ids: …) answers one item per id asked.
  if (Array.isArray(args['ids'])) return Math.max(1, args['ids'].length);
  return null;
}

/**
 * The shape of a field's type, read by structure rather than with graphql's `isListType` and
 * friends: those check `instanceof`, which fails when the schema was built by another copy of
 * graphql (CommonJS and ES module builds of the same version count as two, e.g. under Vite).
 */
function shapeOf(type: GraphQLOutputType): { list: boolean; item: string; leaf: boolean } {
  const kind = (t: unknown) => (t as { constructor: { name: string } }).constructor.name;
  let t: unknown = type;
  if (kind(t) === 'GraphQLNonNull') t = (t as { ofType: unknown }).ofType;
  const list = kind(t) === 'GraphQLList';
  while ((t as { ofType?: unknown }).ofType !== undefined) t = (t as { ofType: unknown }).ofType;
  const leaf =
    typeof (t as { getFields?: unknown }).getFields !== 'function' && kind(t) !== 'GraphQLUnionType';
  return { list, item: (t as { name: string }).name, leaf };
}

/**
 * The estimator: 1 for the field's own value, times the list bound or the page size; plus the
 * work the field may do in the database or in alignment (work.ts), added to `tally.work` too.
 */
export function listAwareEstimator(
  size: GraphSize | null,
  tally: { work: number } = { work: 0 },
): ComplexityEstimator {
  return ({ type, field, args, childComplexity, node }) => {
    // Introspection answers about the schema, whose size is fixed: its lists add, not multiply
    // (the playground's introspection query must pass; the depth limit still applies).
    if (type.name.startsWith('__') || field.name.startsWith('__')) return 1 + childComplexity;
    const work = fieldWork(size, type.name, field.name, args);
    tally.work += work;
    // Coverage rows are priced for one plan (bounds.ts): k plans multiply each level of them.
    const scale = type.name === 'Query' && field.name === 'coverage' ? coverageScale(size, args) : 1;
    const children =
      scale === 1 ? childComplexity : Math.ceil(childComplexity * scale ** degreeOf(node, field));
    return work + values(size, type.name, field, args, children);
  };
}

/** The values a field's answer can hold: 1 for its own, times the list bound or the page size. */
function values(
  size: GraphSize | null,
  parentType: string,
  field: { name: string; type: GraphQLOutputType },
  args: Record<string, unknown>,
  childComplexity: number,
): number {
  const shape = shapeOf(field.type);
  // A list of scalars is one leaf: it cannot nest, so it cannot amplify.
  if (shape.leaf) return 1;
  const perItem = 1 + childComplexity;
  const page = pageSize(args);
  if (page !== null) return 1 + page * perItem;
  if (!shape.list) return perItem;
  return 1 + listBound(size, parentType, shape.item, field.name, args) * perItem;
}

/** The price of an operation: the values its answer can hold plus the work it may do (work.ts). */
export function operationPrice(
  schema: GraphQLSchema,
  document: DocumentNode,
  size: GraphSize | null,
  variables: Record<string, unknown> = {},
  operationName?: string,
): { price: number; work: number } {
  const tally = { work: 0 };
  const price = getComplexity({
    schema,
    query: document,
    variables,
    ...(operationName ? { operationName } : {}),
    estimators: [listAwareEstimator(size, tally)],
  });
  return { price, work: tally.work };
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  size: GraphSize | null,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return operationPrice(schema, document, size, variables, operationName).price;
}

/** The price each request was given, for admission (admission.ts) to choose its lane. */
const prices = new WeakMap<object, number>();
export const priceOf = (request: object): number | undefined => prices.get(request);

export class CostLimitError extends GraphQLError {
  /** `found` null: the cost could not be computed, and the operation is refused all the same. */
  constructor(limit: number, found: number | null, work = 0) {
    const what =
      found === null
        ? 'its cost could not be computed'
        : work === 0
          ? `its answer could hold up to ${found} values`
          : `its price is ${found}: up to ${found - work} values in its answer and ${work} for the work it may do ` +
            '(relationships a search expands or task pairs aligned, per 10)';
    super(
      `Operation too expensive: ${what}, the limit is ${limit}. ` +
        (work === 0
          ? 'Ask for fewer nested lists, aliases or smaller pages.'
          : 'Ask for fewer aliases, a shorter maxLength or depth, fewer relationship types or smaller plans.'),
      {
        extensions: {
          code: ErrorCode.TOO_EXPENSIVE,
          cost: found,
          work,
          maxCost: limit,
          http: { status: 400 },
        },
      },
    );
  }
}

/**
 * Prices each operation once it is resolved (variables known) and refuses it over `maxCost`.
 * A document whose variables do not fit is not priced: its execution fails on them anyway.
 */
/**
 * Where a price may be found before the model computes it (the operation cache evaluates the
 * document's compiled formula): `compute` is the model itself.
 */
export type PriceMemo = (
  key: {
    schema: GraphQLSchema;
    document: DocumentNode;
    queryHash: string;
    operationName: string | null | undefined;
    size: GraphSize | null;
    variables: Record<string, unknown> | undefined;
  },
  compute: () => Price,
) => Price;

/** An operation's price and the part of it that is work (work.ts). */
export interface Price {
  readonly price: number;
  readonly work: number;
}

export function costLimitPlugin(
  maxCost: number,
  graphSize: () => Promise<GraphSize | null>,
  memo: PriceMemo = (_key, compute) => compute(),
): ApolloServerPlugin<BaseContext> {
  // One listener for every request (it keeps nothing of its own): a request allocates no hook.
  const listener: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation({ request, document, operationName, schema, queryHash }) {
      const size = await graphSize();
      let cost: number;
      let work: number;
      try {
        ({ price: cost, work } = memo(
          { schema, document, queryHash, operationName, size, variables: request.variables },
          () => operationPrice(schema, document, size, request.variables ?? {}, operationName ?? undefined),
        ));
      } catch (error) {
        // Variables that do not fit: execution refuses them with BAD_USER_INPUT, at no cost.
        if (/variable/i.test(String((error as Error)?.message))) return;
        // Anything else: an operation that cannot be priced is not run.
        console.error('[api] cost of an operation not computed:', error);
        throw new CostLimitError(maxCost, null);
      }
      if (cost > maxCost) throw new CostLimitError(maxCost, cost, work);
      prices.set(request, cost);
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
