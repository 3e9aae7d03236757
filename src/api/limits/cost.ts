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
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from '../errors.ts';
import { type GraphSize, listBound } from './bounds.ts';

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

/** The estimator: 1 for the field's own value, times the list bound or the page size. */
export function listAwareEstimator(size: GraphSize | null): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const nullable = getNullableType(field.type);
    const itemType = getNamedType(field.type);
    // A list of scalars is one leaf: it cannot nest, so it cannot amplify.
    if (isLeafType(itemType)) return 1;
    const perItem = 1 + childComplexity;
    const page = pageSize(args);
    if (page !== null) return 1 + page * perItem;
    if (!isListType(nullable)) return perItem;
    return 1 + listBound(size, type.name, itemType.name) * perItem;
  };
}

export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  size: GraphSize | null,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    ...(operationName ? { operationName } : {}),
    estimators: [listAwareEstimator(size)],
  });
}

export class CostLimitError extends GraphQLError {
  constructor(limit: number, found: number) {
    super(
      `Operation too expensive: its answer could hold up to ${found} values, the limit is ${limit}. ` +
        'Ask for fewer nested lists, aliases or smaller pages.',
      { extensions: { code: ErrorCode.TOO_EXPENSIVE, cost: found, maxCost: limit, http: { status: 400 } } },
    );
  }
}

/**
 * Prices each operation once it is resolved (variables known) and refuses it over `maxCost`.
 * A document whose variables do not fit is not priced: its execution fails on them anyway.
 */
export function costLimitPlugin(
  maxCost: number,
  graphSize: () => Promise<GraphSize | null>,
): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operationName, schema }) {
          const size = await graphSize();
          let cost: number;
          try {
            cost = operationCost(schema, document, size, request.variables ?? {}, operationName ?? undefined);
          } catch {
            return;
          }
          if (cost > maxCost) throw new CostLimitError(maxCost, cost);
        },
      };
    },
  };
}
