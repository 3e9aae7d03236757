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
  /** Too much work in flight (this client's or everyone's): try again after `Retry-After` seconds. */
  SERVICE_BUSY: 'SERVICE_BUSY',
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
  'SERVICE_BUSY',
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

/**
 * Neo4j's answers to a login it refuses: a wrong or changed password, and the lock-out that follows
 * a few wrong ones (anyone on the machine can cause it). For a client the database is unavailable;
 * the operator needs to know which login failed.
 */
const LOGIN_REFUSED =
  /^Neo\.ClientError\.Security\.(Unauthorized|AuthenticationRateLimit|CredentialsExpired|TokenExpired)$/;

function loginRefusal(error: DatabaseError): string | null {
  const cause = error.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' && LOGIN_REFUSED.test(cause.code) ? cause.code : null;
}

/** One log line per refused login every few seconds, not one per request that met it. */
let lastLoginLog = 0;
function logLoginRefused(user: string, code: string): void {
  if (Date.now() - lastLoginLog < 5_000) return;
  lastLoginLog = Date.now();
  console.error(
    `[db] Neo4j refused the login of user ${JSON.stringify(user)} (${code}): answering DATABASE_UNAVAILABLE`,
  );
}

/**
 * Apollo's automatic persisted queries answer these without a code. A hash that does not match the
 * query sent, a version other than 1, or a `persistedQuery` that is not an object are the client's
 * mistakes (a hash with no query that the cache lacks is already PERSISTED_QUERY_NOT_FOUND).
 */
const PERSISTED_QUERY_ERRORS: Readonly<Record<string, string>> = {
  'provided sha does not match query':
    'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it; send the hash of this query, or the query alone.',
  'Unsupported persisted query version':
    'extensions.persistedQuery must be an object {"version": 1, "sha256Hash": "<64 hex digits>"}; version 1 is the only one supported.',
};

/** The database user named in the log when Neo4j refuses the API's login (formatErrorFor). */
export interface ErrorFormatOptions {
  readonly databaseUser?: string;
}

/** Apollo's formatError: never throws, never leaks a stack or a Cypher text. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return formatErrorFor({})(formatted, error);
}

/** formatError, with the name of the database login the API reads as (for the log). */
export function formatErrorFor(options: ErrorFormatOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError =>
    formatOne(formatted, error, options);
}

function formatOne(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: ErrorFormatOptions,
): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  // A plugin's failure (the cost limit reading the graph's size) arrives wrapped, without a path.
  // (Read by property: Apollo's GraphQLError may come from another copy of graphql than ours.)
  const wrapped = (unwrapped as { originalError?: unknown } | null)?.originalError;
  const original = wrapped instanceof DatabaseError ? wrapped : unwrapped;
  if (original instanceof DatabaseError && original.code === 'QUERY_FAILED') {
    const refused = loginRefusal(original);
    if (refused !== null) {
      logLoginRefused(options.databaseUser ?? 'the API reads as', refused);
      const { code, message } = DATABASE_ERRORS.DATABASE_UNAVAILABLE;
      return { message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
  }
  if (original instanceof DatabaseError && original.code !== 'QUERY_FAILED') {
    const { code, message } = DATABASE_ERRORS[original.code];
    return { message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  const persisted = PERSISTED_QUERY_ERRORS[formatted.message];
  if (persisted !== undefined && formatted.path === undefined) {
    return { message: persisted, extensions: { code: ErrorCode.BAD_USER_INPUT } };
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
