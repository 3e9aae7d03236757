/**
 * What can go wrong at the database door, as the rest of the service sees it. Neo4j's own error
 * codes stay here; callers get one of these, each with a stable code.
 */
import { Neo4jError, isRetryableError } from 'neo4j-driver';

/**
 * DATABASE_UNAVAILABLE: the server cannot be reached (try again). TIMEOUT: the transaction ran out
 * of its time (Neo4j's transaction timeout or the request's deadline). MEMORY_LIMIT: the
 * transaction needed more memory than the server grants one. PATH_SEARCH_LIMIT: no shortest path
 * passes the statement's filters, and the engine does not search further (its
 * dbms.cypher.forbid_exhaustive_shortestpath is on). QUERY_FAILED: anything else.
 */
export type DatabaseErrorCode =
  'DATABASE_UNAVAILABLE' | 'TIMEOUT' | 'MEMORY_LIMIT' | 'PATH_SEARCH_LIMIT' | 'QUERY_FAILED';

export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** Maps a driver error to a DatabaseError naming the statement; leaves other errors as they are. */
export function mapDriverError(error: unknown, statementName: string): unknown {
  if (error instanceof DatabaseError) return error;
  if (error instanceof Neo4jError) {
    // The pool's own refusal (code N/A): every connection is held by reads the server is not
    // answering, so the server is, for this client, unavailable.
    const poolExhausted = /Connection acquisition timed out/.test(error.message);
    if (
      poolExhausted ||
      UNAVAILABLE.has(error.code) ||
      (isRetryableError(error) && !error.code.startsWith('Neo.'))
    ) {
      return new DatabaseError(
        'DATABASE_UNAVAILABLE',
        `the Neo4j database cannot be reached (${error.code}); the service retries on the next request`,
        { cause: error },
      );
    }
    if (/TransactionTimedOut|Transaction\.Terminated/.test(error.code)) {
      return new DatabaseError('TIMEOUT', `cypher/${statementName}.cypher ran out of time (${error.code})`, {
        cause: error,
      });
    }
    if (/MemoryPoolOutOfMemoryError|OutOfMemory/.test(error.code)) {
      return new DatabaseError(
        'MEMORY_LIMIT',
        `cypher/${statementName}.cypher needed more memory than a transaction may use (${error.code})`,
        { cause: error },
      );
    }
    if (isExhaustiveSearchRefused(error)) {
      return new DatabaseError(
        'PATH_SEARCH_LIMIT',
        `cypher/${statementName}.cypher: no shortest path passes its filters, and an exhaustive search is off (${error.code})`,
        { cause: error },
      );
    }
    return new DatabaseError(
      'QUERY_FAILED',
      `cypher/${statementName}.cypher failed: ${error.code}: ${error.message}`,
      { cause: error },
    );
  }
  return error;
}

/**
 * Neo4j's answer when shortestPath/allShortestPaths would fall back to an exhaustive search and
 * the server forbids it: GQL status 51N22, or on servers that send no GQL status the
 * ExecutionFailed code with this message (checked on 5.26).
 */
function isExhaustiveSearchRefused(error: Neo4jError): boolean {
  return (
    error.gqlStatus === '51N22' ||
    (error.code === 'Neo.DatabaseError.Statement.ExecutionFailed' &&
      /shortest path fallback has been explicitly disabled/i.test(error.message))
  );
}
