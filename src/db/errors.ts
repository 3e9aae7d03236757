/**
 * What can go wrong at the database door, as the rest of the service sees it. Neo4j's own error
 * codes stay here; callers get one of these, each with a stable code.
 */
import { Neo4jError, isRetryableError } from 'neo4j-driver';

export type DatabaseErrorCode = 'DATABASE_UNAVAILABLE' | 'QUERY_FAILED';

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
    if (UNAVAILABLE.has(error.code) || (isRetryableError(error) && !error.code.startsWith('Neo.'))) {
      return new DatabaseError(
        'DATABASE_UNAVAILABLE',
        `the Neo4j database cannot be reached (${error.code}); the service retries on the next request`,
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
