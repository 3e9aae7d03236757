/**
 * The database door's error mapping for what the engine's settings now refuse, and the store
 * directory a first start creates (src/db/errors.ts, src/db/credentials.ts).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { formatError } from '../../src/api/errors.ts';
import { CREDENTIALS_FILE, installPassword } from '../../src/db/credentials.ts';
import { DatabaseError, mapDriverError } from '../../src/db/errors.ts';
import { answerWithin } from '../../src/db/no-answer.ts';

const REFUSED =
  'Shortest path fallback has been explicitly disabled. That means that no full path enumeration is performed in\n' +
  'case shortest path algorithms cannot be used.';

describe('a shortest-path search the engine will not widen', () => {
  it('is PATH_SEARCH_LIMIT by its GQL status, or by code and message from a server without one', () => {
    const byStatus = new Neo4jError(
      REFUSED,
      'Neo.DatabaseError.Statement.ExecutionFailed' as never,
      '51N22',
      '',
    );
    const byMessage = new Neo4jError(REFUSED, 'Neo.DatabaseError.Statement.ExecutionFailed' as never, '', '');
    for (const error of [byStatus, byMessage]) {
      const mapped = mapDriverError(error, 'graph-paths') as DatabaseError;
      expect(mapped).toBeInstanceOf(DatabaseError);
      expect(mapped.code).toBe('PATH_SEARCH_LIMIT');
      expect(mapped.message).toBe(
        'cypher/graph-paths.cypher: no shortest path passes its filters, and an exhaustive search is off ' +
          '(Neo.DatabaseError.Statement.ExecutionFailed)',
      );
    }
    const other = new Neo4jError('boom', 'Neo.DatabaseError.Statement.ExecutionFailed' as never, '', '');
    expect((mapDriverError(other, 'graph-paths') as DatabaseError).code).toBe('QUERY_FAILED');
  });

  it('reaches the client as TOO_EXPENSIVE, saying what to change', () => {
    const error = new DatabaseError('PATH_SEARCH_LIMIT', 'cypher/graph-paths.cypher: …');
    expect(formatError({ message: 'x', path: ['path'] }, error)).toEqual({
      message:
        'No shortest path between the two nodes fits maxLength and types, and a search beyond the shortest ' +
        'paths is not run: allow more relationship types or a greater maxLength.',
      locations: undefined,
      path: ['path'],
      extensions: { code: 'TOO_EXPENSIVE' },
    });
  });
});

describe("an install's first start", () => {
  const root = mkdtempSync(join(tmpdir(), 'plan-graph-credentials-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates the store directory and its parents 0700, the password file 0600', () => {
    const dataDir = join(root, '.data', 'neo4j');
    const password = installPassword(dataDir);
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(statSync(join(root, '.data')).mode & 0o777).toBe(0o700);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, CREDENTIALS_FILE)).mode & 0o777).toBe(0o600);
  });
});

describe('a read the server never answers', () => {
  it('is TIMEOUT once its time and the grace have passed, and the caller is told to let the session go', async () => {
    let abandoned = 0;
    const silent = new Promise<never>(() => undefined);
    const started = Date.now();
    const error = await answerWithin(silent, 50, 'plans', () => abandoned++).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe('TIMEOUT');
    expect((error as DatabaseError).message).toBe(
      'cypher/plans.cypher: the database gave no answer within 50 ms',
    );
    expect(abandoned).toBe(1);
  });

  it('answers as the server does when it answers in time, and abandons nothing', async () => {
    let abandoned = 0;
    await expect(answerWithin(Promise.resolve(7), 1_000, 'plans', () => abandoned++)).resolves.toBe(7);
    const refused = new DatabaseError('QUERY_FAILED', 'no');
    await expect(answerWithin(Promise.reject(refused), 1_000, 'plans', () => abandoned++)).rejects.toBe(
      refused,
    );
    expect(abandoned).toBe(0);
  });

  it('a pool whose every connection waits on a silent server is DATABASE_UNAVAILABLE, not a failed query', () => {
    const exhausted = new Neo4jError(
      'Connection acquisition timed out in 60000 ms. Pool status: Active conn count = 1, Idle conn count = 0.',
      'N/A' as never,
      '50N42',
      '',
    );
    expect((mapDriverError(exhausted, 'plans') as DatabaseError).code).toBe('DATABASE_UNAVAILABLE');
  });
});
