/**
 * Least privilege (docs/security.md): the API reads as a user the engine allows only to read, in
 * READ transactions, which the server itself refuses to write in; only the loader's user writes;
 * no user reads a file through Cypher, and the reader reaches no setting, no admin procedure and
 * no other user's transaction, neither over Bolt nor through the API; /ready says ready or not
 * and nothing else; the HTML pages carry security headers.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver, Neo4jError, type Record as Neo4jRecord } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CREDENTIALS_FILE, READER_CREDENTIALS_FILE } from '../../src/db/credentials.ts';
import type { Database } from '../../src/db/database.ts';
import { DatabaseError, mapDriverError } from '../../src/db/errors.ts';
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

/** Records of a statement in an auto-commit transaction, or the error it ends with. */
async function attempt(
  driver: Driver,
  database: string,
  cypher: string,
): Promise<{ records: Neo4jRecord[] } | { error: Neo4jError }> {
  const session = driver.session({ database });
  try {
    return { records: (await session.run(cypher)).records };
  } catch (error) {
    if (error instanceof Neo4jError) return { error };
    throw error;
  } finally {
    await session.close();
  }
}

function refusal(outcome: { records: Neo4jRecord[] } | { error: Neo4jError }, cypher: string): Neo4jError {
  expect(
    'error' in outcome ? null : JSON.stringify(outcome.records.map((r) => r.toObject())),
    cypher,
  ).toBeNull();
  return (outcome as { error: Neo4jError }).error;
}

/** The suite's embedded engine's data directory (every test run has one: test/setup/engine.ts). */
function dataDir(): string {
  const dir = inject('neo4j').dataDir;
  expect(dir, 'these tests need the embedded engine (NEO4J_URI unset)').not.toBeNull();
  return dir!;
}

describe('no Cypher reads a file, whoever sends it', () => {
  const FILE_URLS_OFF = /configuration property 'dbms\.security\.allow_csv_import_from_file_urls' is false/;
  const files = (): string[] => [
    `file://${join(dataDir(), CREDENTIALS_FILE)}`,
    `file://${join(dataDir(), READER_CREDENTIALS_FILE)}`,
    'file:///etc/passwd',
    // Relative to the import directory, and out of it.
    `file:///${CREDENTIALS_FILE}`,
    `file:///../${CREDENTIALS_FILE}`,
  ];

  it('LOAD CSV of each credentials file and of /etc/passwd is refused for the reader', async () => {
    const secrets = [CREDENTIALS_FILE, READER_CREDENTIALS_FILE].map((f) =>
      readFileSync(join(dataDir(), f), 'utf8').trim(),
    );
    for (const url of files()) {
      const cypher = `LOAD CSV FROM '${url}' AS line RETURN line`;
      const error = refusal(await attempt(db.readDriver, db.databaseName, cypher), cypher);
      expect(error.code, cypher).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
      expect(error.message, cypher).toMatch(FILE_URLS_OFF);
      for (const secret of secrets) expect(error.message).not.toContain(secret);
      expect(error.message).not.toMatch(/root:x?:0:0/);
    }
  });

  it("and for the loader's user too: the setting holds for every account", async () => {
    const writer = testDriver();
    try {
      for (const url of files()) {
        const cypher = `LOAD CSV FROM '${url}' AS line RETURN line`;
        const error = refusal(await attempt(writer, db.databaseName, cypher), cypher);
        expect(error.code, cypher).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
        expect(error.message, cypher).toMatch(FILE_URLS_OFF);
      }
    } finally {
      await writer.close();
    }
  });

  it('the reader may not LOAD CSV from any other URL either', async () => {
    const cypher = "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS line RETURN line";
    const error = refusal(await attempt(db.readDriver, db.databaseName, cypher), cypher);
    expect(error.code).toBe('Neo.ClientError.Security.Forbidden');
    expect(error.message).toBe(
      "LOAD on URL 'http://127.0.0.1:9/x.csv' is denied for user 'plangraph_reader' with read only, listed procedures.",
    );
  });

  it("the store is its owner's alone: data directory 0700, credentials 0600, an empty import directory 0700", () => {
    expect(statSync(dataDir()).mode & 0o777).toBe(0o700);
    for (const file of [CREDENTIALS_FILE, READER_CREDENTIALS_FILE]) {
      expect(statSync(join(dataDir(), file)).mode & 0o777, file).toBe(0o600);
    }
    const importDir = join(dataDir(), 'import');
    expect(statSync(importDir).mode & 0o777).toBe(0o700);
    expect(readdirSync(importDir)).toEqual([]);
  });
});

describe('a shortest-path search is never widened to an exhaustive one', () => {
  it('the engine refuses it at once (51N22), for the loader too, and the door names it PATH_SEARCH_LIMIT', async () => {
    // 组人部 is no neighbour of its plan (it LEADS tasks, which belong to the plan): no path of one hop.
    const cypher =
      "MATCH (a:Entity {id: 'dept/组人部'}), (b:Entity {id: 'cast-2018'}) " +
      'MATCH p = allShortestPaths((a)-[*..8]-(b)) WHERE length(p) <= 1 RETURN count(p) AS n';
    const writer = testDriver();
    try {
      for (const driver of [db.readDriver, writer]) {
        const error = refusal(await attempt(driver, db.databaseName, cypher), cypher);
        expect(error.gqlStatus).toBe('51N22');
        const mapped = mapDriverError(error, 'graph-paths') as DatabaseError;
        expect(mapped).toBeInstanceOf(DatabaseError);
        expect(mapped.code).toBe('PATH_SEARCH_LIMIT');
      }
      // Without the length filter that no shortest path passes, the same search finds its paths.
      const found = await attempt(writer, db.databaseName, cypher.replace('<= 1', '<= 8'));
      expect('records' in found && found.records[0]!.get('n').toNumber()).toBeGreaterThan(0);
    } finally {
      await writer.close();
    }
  });
});

describe('the reader reaches no setting, no admin procedure, no other user', () => {
  it('SHOW SETTINGS lists nothing to the reader (the loader sees every setting)', async () => {
    const cypher = 'SHOW SETTINGS YIELD name RETURN name';
    const reader = await attempt(db.readDriver, db.databaseName, cypher);
    expect('records' in reader && reader.records).toEqual([]);
    const writer = testDriver();
    try {
      const all = await attempt(writer, db.databaseName, cypher);
      expect('records' in all && all.records.map((r) => r.get('name') as string)).toContain(
        'dbms.security.allow_csv_import_from_file_urls',
      );
    } finally {
      await writer.close();
    }
  });

  it('dbms.listConfig, dbms.queryJmx, db.clearQueryCaches and every other procedure but search are Forbidden', async () => {
    for (const cypher of [
      'CALL dbms.listConfig() YIELD name RETURN name',
      "CALL dbms.queryJmx('*:*') YIELD name RETURN name",
      'CALL db.clearQueryCaches()',
      'CALL dbms.showCurrentUser()',
      'CALL db.labels()',
      'CALL dbms.components()',
    ]) {
      const error = refusal(await attempt(db.readDriver, db.databaseName, cypher), cypher);
      expect(error.code, cypher).toBe('Neo.ClientError.Security.Forbidden');
      expect(error.message, cypher).toBe(
        "Executing procedure is not allowed for user 'plangraph_reader' with read only, listed procedures.",
      );
    }
  });

  it('the one procedure the API calls, full-text search, still runs for the reader', async () => {
    const cypher =
      "CALL db.index.fulltext.queryNodes('plan_text', '\"四服务\"') YIELD node RETURN count(node) AS n";
    const outcome = await attempt(db.readDriver, db.databaseName, cypher);
    expect('records' in outcome && outcome.records[0]!.get('n').toNumber()).toBeGreaterThan(0);
  });

  it("SHOW TRANSACTIONS lists only the reader's own; it cannot terminate the loader's", async () => {
    const writer = testDriver();
    const session = writer.session({ database: db.databaseName });
    const tx = session.beginTransaction();
    try {
      await tx.run('RETURN 1');
      const mine = await writer.executeQuery(
        "SHOW TRANSACTIONS YIELD transactionId, username WHERE username <> 'plangraph_reader' RETURN transactionId",
        {},
        { database: db.databaseName },
      );
      const ids = mine.records.map((r) => r.get('transactionId') as string);
      expect(ids.length).toBeGreaterThan(0);

      const seen = await attempt(
        db.readDriver,
        db.databaseName,
        'SHOW TRANSACTIONS YIELD username RETURN username',
      );
      expect('records' in seen && [...new Set(seen.records.map((r) => r.get('username') as string))]).toEqual(
        ['plangraph_reader'],
      );
      const terminate = `TERMINATE TRANSACTIONS ${ids.map((id) => `'${id}'`).join(', ')}`;
      const outcome = await attempt(db.readDriver, db.databaseName, terminate);
      expect('records' in outcome && outcome.records.map((r) => r.get('message') as string)).toEqual(
        ids.map(() => 'Transaction not found.'),
      );
      // The loader's transaction is untouched.
      expect((await tx.run('RETURN 2 AS n')).records[0]!.get('n').toNumber()).toBe(2);
    } finally {
      await tx.rollback();
      await session.close();
      await writer.close();
    }
  });
});

describe('the API gives no way to any of it', () => {
  const HOSTILE = [
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    'SHOW SETTINGS',
    "CALL dbms.queryJmx('*:*')",
    "x'}) CALL db.clearQueryCaches() //",
  ];

  it('the only Cypher the service runs is its catalog, which loads no file and calls no admin procedure', () => {
    for (const { name, text } of db.catalog.values()) {
      expect(text, name).not.toMatch(/LOAD\s+CSV|\bSHOW\b|dbms\.|clearQueryCaches|TERMINATE/i);
      for (const call of text.matchAll(/\bCALL\s+([\w.]+)/gi)) {
        expect(['db.index.fulltext.queryNodes', 'db.awaitIndexes'], name).toContain(call[1]);
      }
    }
  });

  it('Cypher in search terms and ids is data: searched for, or refused as input, never run', async () => {
    const ran: string[] = [];
    const stop = db.onQuery((event) => ran.push(`${event.mode} ${event.name}`));
    try {
      for (const text of HOSTILE) {
        const search = await server.gql('query ($q: String!) { search(query: $q) { node { id } } }', {
          q: text,
        });
        expect(search.errors, text).toBeUndefined();
        expect(search.data, text).toEqual({ search: [] });
        const path = await server.gql('query ($a: ID!) { path(from: $a, to: "cast-2018") { length } }', {
          a: text,
        });
        // path's ends take an id or a name: this text is looked up as a name, and nothing has it.
        expect(path.errors?.[0]?.extensions?.code, text).toBe('NOT_FOUND');
        const node = await server.gql('query ($a: ID!) { node(id: $a) { id } }', { a: text });
        expect(node.errors?.[0]?.extensions?.code, text).toBe('BAD_USER_INPUT');
      }
    } finally {
      stop();
    }
    expect(ran.length).toBeGreaterThan(0);
    for (const statement of ran) {
      const [mode, name] = statement.split(' ');
      expect(mode, statement).toBe('READ');
      expect(db.catalog.has(name!), statement).toBe(true);
    }
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
