/**
 * The suite's Neo4j, as test/setup/engine.ts provides it. Each driver belongs to its caller, who
 * closes it (directly, or through Database.close()).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { rememberLogin } from '../../src/db/logins.ts';

export function testDriver(): Driver {
  const { uri, user, password } = inject('neo4j');
  // Recorded, as the service's drivers are: compare's worker reads as the same user (logins.ts).
  return rememberLogin(neo4j.driver(uri, neo4j.auth.basic(user, password)), { uri, user, password });
}

export function testDatabaseName(): string {
  return inject('neo4j').database;
}

/** A driver logged in as the read-only user, or null when the suite's server has none configured. */
export function testReadDriver(): Driver | null {
  const { uri, readUser, readPassword } = inject('neo4j');
  if (readUser === null || readPassword === null) return null;
  return rememberLogin(neo4j.driver(uri, neo4j.auth.basic(readUser, readPassword)), {
    uri,
    user: readUser,
    password: readPassword,
  });
}
