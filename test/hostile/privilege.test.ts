/**
 * Least privilege (docs/security.md): the API reads as a user the engine allows only to read, in
 * READ transactions, which the server itself refuses to write in; only the loader's user writes;
 * /ready says ready or not and nothing else; the HTML pages carry security headers.
 */
import neo4j, { type Driver, Neo4jError } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { closeSeededServer, openSeededServer, type SeededServer } from '../support/seeded.ts';
import { testDriver } from '../support/neo4j.ts';
import { graphSnapshot } from './support.ts';

let db: Database;
let server: SeededServer['server'];

beforeAll(async () => {
  ({ db, server } = await openSeededServer());
});
afterAll(() => closeSeededServer({ db, server }));

describe('reads cannot write', () => {
  it('Neo4j refuses a write inside the READ transactions every API read uses', async () => {
    const before = await graphSnapshot(db);
    const session = db.driver.session({ database: db.databaseName, defaultAccessMode: neo4j.session.READ });
    try {
      const error = await session
        .executeRead((tx) => tx.run("CREATE (:Entity {id: 'intruder'})"))
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(Neo4jError);
      expect((error as Neo4jError).code).toBe('Neo.ClientError.Statement.AccessMode');
    } finally {
      await session.close();
    }
    expect(await graphSnapshot(db)).toBe(before);
  });
});

/** The error a statement ends with, or null when it succeeds. */
async function failure(driver: Driver, database: string, cypher: string): Promise<Neo4jError | null> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite((tx) => tx.run(cypher));
    return null;
  } catch (error) {
    if (error instanceof Neo4jError) return error;
    throw error;
  } finally {
    await session.close();
  }
}

describe('the API reads as a user who may only read', () => {
  it("the service's reads go through the read-only user, writes through the loader's", () => {
    expect(db.readDriver).not.toBe(db.driver);
  });

  it("that user reads the graph: the seed's 10 tasks", async () => {
    const session = db.readDriver.session({
      database: db.databaseName,
      defaultAccessMode: neo4j.session.READ,
    });
    try {
      const result = await session.run("MATCH (t:Task {planId: 'cast-2018'}) RETURN count(t) AS n");
      expect(result.records[0]!.get('n').toNumber()).toBe(10);
    } finally {
      await session.close();
    }
  });

  it('Neo4j refuses that user every write, even in a WRITE transaction: nodes, properties, deletes, schema', async () => {
    const before = await graphSnapshot(db);
    for (const cypher of [
      "CREATE (:Entity {id: 'intruder'})",
      "MATCH (t:Task {planId: 'cast-2018'}) WITH t LIMIT 1 SET t.title = 'changed'",
      "MATCH (t:Task {planId: 'cast-2018'}) WITH t LIMIT 1 DETACH DELETE t",
      'CREATE INDEX intruder IF NOT EXISTS FOR (n:Entity) ON (n.intruder)',
    ]) {
      const error = await failure(db.readDriver, db.databaseName, cypher);
      expect(error?.code, cypher).toBe('Neo.ClientError.Security.Forbidden');
    }
    expect(await graphSnapshot(db)).toBe(before);
  });

  it('and every administration command: no new users, no new passwords', async () => {
    for (const cypher of [
      "CREATE USER intruder SET PASSWORD 'intruder-password' CHANGE NOT REQUIRED",
      "ALTER USER neo4j SET PASSWORD 'intruder-password' CHANGE NOT REQUIRED",
      'DROP USER neo4j',
      'SHOW USERS',
    ]) {
      const error = await failure(db.readDriver, 'system', cypher);
      expect(error?.code, cypher).toBe('Neo.ClientError.Security.Forbidden');
    }
    const writer = testDriver();
    try {
      const users = await writer.executeQuery('SHOW USERS YIELD user', {}, { database: 'system' });
      expect(users.records.map((r) => r.get('user') as string).sort()).not.toContain('intruder');
    } finally {
      await writer.close();
    }
  });

  it("the loader's user still writes: the restriction is the reader's alone", async () => {
    const before = await graphSnapshot(db);
    const cypher = "CREATE (n:Entity {id: 'writer-check'}) WITH n DELETE n";
    expect((await failure(db.readDriver, db.databaseName, cypher))?.code).toBe(
      'Neo.ClientError.Security.Forbidden',
    );
    expect(await failure(db.driver, db.databaseName, cypher)).toBeNull();
    expect(await graphSnapshot(db)).toBe(before);
  });
});

describe('what the service tells anyone', () => {
  it('/ready says ready, and nothing about the server, the plans or errors', async () => {
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('the playground page carries CSP, frame and nosniff headers', async () => {
    for (const [path, accept] of [
      ['/playground/', 'text/html'],
      ['/graphql', 'text/html'],
    ] as const) {
      const page = await fetch(`${server.url}${path}`, { headers: { accept } });
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).toMatch(/object-src 'none'/);
      expect(page.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(page.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(page.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(page.headers.get('x-powered-by'), path).toBeNull();
    }
  });
});
