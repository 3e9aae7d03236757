/**
 * The API's error contract: every error a client sees has `extensions.code` from this list and a
 * message a person understands. Unknown failures become "Internal server error" (the details go
 * to the log, never to the client).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseError } from '../db/errors.ts';

export const ErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** The request ran past its time budget (REQUEST_TIMEOUT_MS) or a read past Neo4j's timeout. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** The operation's estimated cost, or a read's memory, is over the limit: ask for less. */
  TOO_EXPENSIVE: 'TOO_EXPENSIVE',
  /** The HTTP request itself is unusable: body not JSON, charset, encoding, size. */
  BAD_REQUEST: 'BAD_REQUEST',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class NotFoundError extends GraphQLError {
  constructor(what: string, value: string) {
    super(`${what} not found: ${JSON.stringify(value)}`, {
      extensions: { code: ErrorCode.NOT_FOUND, [what]: value },
    });
  }
}

export class BadInputError extends GraphQLError {
  constructor(argument: string, expected: string, found: unknown) {
    super(`Argument "${argument}": expected ${expected}, found ${JSON.stringify(found)}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, argument },
    });
  }
}

/** Codes Apollo and graphql-armor already give and that pass through unchanged. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'TOO_EXPENSIVE',
  'REQUEST_TIMEOUT',
  'BAD_REQUEST',
  'NOT_FOUND',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** What a client reads when the database door fails for a reason other than a bug. */
const DATABASE_ERRORS = {
  DATABASE_UNAVAILABLE: {
    code: ErrorCode.DATABASE_UNAVAILABLE,
    message: 'The graph database is unreachable right now; try again in a moment.',
  },
  TIMEOUT: {
    code: ErrorCode.REQUEST_TIMEOUT,
    message: 'The request ran out of its time budget; ask for less (fewer fields, aliases or smaller pages).',
  },
  MEMORY_LIMIT: {
    code: ErrorCode.TOO_EXPENSIVE,
    message: 'The request needs more database memory than one request may use; ask for less.',
  },
  PATH_SEARCH_LIMIT: {
    code: ErrorCode.TOO_EXPENSIVE,
    message:
      'No shortest path between the two nodes fits maxLength and types, and a search beyond the shortest ' +
      'paths is not run: allow more relationship types or a greater maxLength.',
  },
} as const;

/** Apollo's formatError: never throws, never leaks a stack or a Cypher text. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  // A plugin's failure (the cost limit reading the graph's size) arrives wrapped, without a path.
  // (Read by property: Apollo's GraphQLError may come from another copy of graphql than ours.)
  const wrapped = (unwrapped as { originalError?: unknown } | null)?.originalError;
  const original = wrapped instanceof DatabaseError ? wrapped : unwrapped;
  if (original instanceof DatabaseError && original.code !== 'QUERY_FAILED') {
    const { code, message } = DATABASE_ERRORS[original.code];
    return { message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  const code = formatted.extensions?.['code'];
  // The parser is recursive: a list literal nested thousands deep overflows its stack before the
  // token limit stops it. Apollo reports it as a parse failure with the RangeError's message.
  if (code === 'GRAPHQL_PARSE_FAILED' && /call stack/i.test(formatted.message)) {
    return {
      message: 'Syntax Error: the document nests lists, objects or selections too deeply to be read.',
      extensions: { code },
    };
  }
  if (typeof code === 'string' && (PASS_THROUGH.has(code) || original instanceof GraphQLError)) {
    const { stacktrace: _drop, exception: _too, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error('[api] internal error:', original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** NOT_FOUND for a name, with the nearest known names in the message and in `extensions.suggestions`. */
export class NotFoundWithSuggestionsError extends GraphQLError {
  constructor(what: string, value: string, suggestions: readonly string[]) {
    const hint =
      suggestions.length > 0
        ? `; did you mean ${suggestions.map((s) => JSON.stringify(s)).join(', ')}?`
        : '; no known name is near it';
    super(`${what} not found: ${JSON.stringify(value)}${hint}`, {
      extensions: { code: ErrorCode.NOT_FOUND, [what]: value, suggestions: [...suggestions] },
    });
  }
}
