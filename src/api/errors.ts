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
  'BAD_REQUEST',
  'NOT_FOUND',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Apollo's formatError: never throws, never leaks a stack or a Cypher text. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DatabaseError && original.code === 'DATABASE_UNAVAILABLE') {
    return {
      message: 'The graph database is unreachable right now; try again in a moment.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.DATABASE_UNAVAILABLE },
    };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && (PASS_THROUGH.has(code) || original instanceof GraphQLError)) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
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
