/**
 * The operation cache: what depends only on a document is worked out on its first request and
 * kept, so that a question asked again pays for its variables, its statement and its answer.
 *
 * Keyed by Apollo's query hash (SHA-256 of the document's text, the same for automatic persisted
 * queries) and the operation name. An entry holds
 * - the executor: graphql-jit's compiled function of the operation (or graphql-js's `execute`
 *   where graphql-jit does not compile it, or when `executor: 'graphql-js'` is chosen);
 * - its cost formula (formula.ts): the cost model's walk (limits/cost.ts) compiled into a function
 *   of (graph size, variables) that each request evaluates; it prices, and so refuses, exactly
 *   the documents the model's walk does. Its last price is kept with the size and variables it
 *   was worked out for: the same ones price the same without evaluating it again.
 * Parsing and validation are Apollo's own document cache (one parse and one validation per text).
 *
 * The cache is bounded (least recently used out first), shared by every request of the server,
 * and emptied when Apollo loads or replaces the schema. Nothing in it names a field, a resolver or
 * a Cypher statement: a new field or a new cost function needs no change here. The statements
 * stay in the catalog (read once at start); the resolvers name them per request.
 */
// graphql's main entry (CommonJS), the copy Node gives Apollo, @graphql-tools and graphql-jit:
// execute() checks the schema with instanceof, which a second copy (the ES module build a bundler
// such as Vite picks for 'graphql') would fail.
import {
  execute,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  visit,
  BREAK,
} from 'graphql/index.js';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GatewayExecutor } from '@apollo/server-gateway-interface';
import { Lru } from './lru.ts';
import type { Price } from '../limits/cost.ts';
import type { GraphSize } from '../limits/bounds.ts';
import { compileCostFormula, type CostFormula } from './formula.ts';

export type ExecutorKind = 'jit' | 'graphql-js';

export interface OperationCacheOptions {
  /** Most operations kept. */
  readonly maxEntries: number;
  readonly executor: ExecutorKind;
}

export const DEFAULT_OPERATION_CACHE: OperationCacheOptions = {
  maxEntries: 1_000,
  // graphql-jit: less CPU per request than graphql-js under the benchmark's mix, and it keeps the
  // original error (asGraphQLError below gives Apollo the extensions it reads): docs/performance.md.
  executor: 'jit',
};

interface Entry {
  /** The compiled operation; null: graphql-js executes it; undefined: not compiled yet. */
  jit: CompiledQuery | null | undefined;
  /** The compiled cost formula; null: not compilable (the model's walk prices it); undefined: not yet. */
  formula: CostFormula | null | undefined;
  /**
   * The formula's last price, with what it was priced under: the same graph size (the object
   * ListBounds keeps while the graph's version stands) and the same variables (as JSON) price the
   * same, so a document asked again with the same variables is not priced again (variables come
   * from JSON, so their JSON tells them apart).
   */
  priced?: { readonly size: GraphSize | null; readonly variables: string; readonly price: Price };
}

/** Introspection is rare (the playground asks once) and graphql-js answers it as the spec says. */
function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * graphql-jit's error of a field keeps the resolver's error as `originalError`, but when that
 * error is not a GraphQLError its `extensions` is undefined (graphql-js's is `{}`): Apollo reads
 * `extensions.code` while formatting, throws, and answers a bare INTERNAL_SERVER_ERROR without
 * ever calling the API's formatter (so a Neo4j outage was not DATABASE_UNAVAILABLE). The same
 * error as graphql-js makes it: message, locations, path, original error, its extensions.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (error.extensions !== undefined) return error;
  const original = error.originalError ?? undefined;
  const remade = new GraphQLError(error.message, {
    path: error.path,
    ...(original === undefined ? {} : { originalError: original }),
  });
  (remade as { locations: GraphQLError['locations'] }).locations = error.locations;
  return remade;
}

export class OperationCache {
  private readonly entries: Lru<string, Entry>;
  hits = 0;
  misses = 0;

  constructor(readonly options: OperationCacheOptions = DEFAULT_OPERATION_CACHE) {
    this.entries = new Lru(options.maxEntries);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  private entry(queryHash: string, operationName: string | null | undefined): Entry {
    const key = `${queryHash}\n${operationName ?? ''}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      this.misses += 1;
      entry = { jit: undefined, formula: undefined };
      this.entries.set(key, entry);
    } else {
      this.hits += 1;
    }
    return entry;
  }

  /**
   * The operation's price under this graph size and these variables: its cost formula, compiled
   * on the document's first request (formula.ts), evaluated. A formula that cannot be compiled
   * leaves the price to `compute` (the cost model's own walk); an evaluation that throws is the
   * caller's to handle, as the model's would be.
   */
  price(
    schema: GraphQLSchema,
    document: DocumentNode,
    queryHash: string,
    operationName: string | null | undefined,
    size: GraphSize | null,
    variables: Record<string, unknown> | undefined,
    compute: () => Price,
  ): Price {
    const entry = this.entry(queryHash, operationName);
    if (entry.formula === undefined) {
      try {
        entry.formula = compileCostFormula(schema, document, operationName ?? undefined);
      } catch {
        entry.formula = null;
      }
    }
    if (entry.formula === null) return compute();
    const given = JSON.stringify(variables ?? null);
    const last = entry.priced;
    if (last !== undefined && last.size === size && last.variables === given) return last.price;
    // A formula that throws (variables that do not fit) leaves the last price as it was.
    const price = entry.formula(size, variables);
    entry.priced = { size, variables: given, price };
    return price;
  }

  /** Runs a resolved operation with its compiled executor (compiling it on its first request). */
  run(
    schema: GraphQLSchema,
    document: DocumentNode,
    queryHash: string,
    operationName: string | null | undefined,
    contextValue: unknown,
    variables: Record<string, unknown> | undefined,
  ): Promise<ExecutionResult> | ExecutionResult {
    const entry = this.entry(queryHash, operationName);
    if (entry.jit === undefined) entry.jit = this.compile(schema, document, operationName);
    const graphqlJs = () =>
      execute({
        schema,
        document,
        contextValue,
        variableValues: variables,
        operationName: operationName ?? null,
      });
    if (entry.jit === null) return graphqlJs();
    const compiled = entry.jit;
    const answer = (result: ExecutionResult) =>
      // Variables that do not fit: graphql-js words the errors (BAD_USER_INPUT) as it always has.
      result.errors !== undefined && result.data === undefined
        ? graphqlJs()
        : result.errors === undefined
          ? result
          : { ...result, errors: result.errors.map(asGraphQLError) };
    const result = compiled.query(undefined, contextValue, variables ?? {});
    return result instanceof Promise ? result.then(answer) : answer(result as ExecutionResult);
  }

  private compile(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
  ): CompiledQuery | null {
    if (this.options.executor !== 'jit' || introspects(document)) return null;
    try {
      const compiled = compileQuery(schema, document, operationName ?? undefined);
      return isCompiledQuery(compiled) ? compiled : null;
    } catch {
      return null;
    }
  }

  /** Empties the cache whenever Apollo loads or replaces the schema. */
  plugin(): ApolloServerPlugin<BaseContext> {
    return {
      serverWillStart: async () => ({
        schemaDidLoadOrUpdate: () => this.clear(),
      }),
    };
  }

  /**
   * Apollo Server's gateway interface, used for its executor only: Apollo keeps parsing,
   * validation, plugins (the cost limit among them), errors and HTTP; the operation runs here.
   */
  gateway(schema: GraphQLSchema) {
    const executor: GatewayExecutor = (request) =>
      this.run(
        request.schema,
        request.document,
        request.queryHash,
        request.operationName,
        request.context,
        request.request.variables,
      ) as ReturnType<GatewayExecutor>;
    return {
      load: async () => ({ executor }),
      onSchemaLoadOrUpdate: (
        callback: (s: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void,
      ) => {
        callback({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      stop: async () => undefined,
    };
  }
}
