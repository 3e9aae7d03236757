/**
 * globalSetup of the 'integration' project: one Neo4j for the whole run.
 *
 * NEO4J_URI unset: the embedded engine (built first if needed) on a free port with a throw-away
 * data directory, so runs on the same machine never share a port or a store; stopped and deleted
 * at teardown. NEO4J_URI set: that server, as it is.
 *
 * Tests reach it through `inject('neo4j')` (test/support/neo4j.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.ts';
import { connectDatabase } from '../../src/db/connect.ts';

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** The user the service reads through, when there is one (the embedded engine's reader). */
  readUser: string | null;
  readPassword: string | null;
  /** The embedded engine's data directory (store and credentials files); null for NEO4J_URI. */
  dataDir: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTarget;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  const dataDir = config.neo4jUri === null ? mkdtempSync(join(tmpdir(), 'plan-graph-neo4j-')) : null;
  const started = Date.now();
  const db = await connectDatabase(
    dataDir === null ? config : { ...config, neo4jPort: 0, neo4jDataDir: dataDir },
    { onLog: (line) => console.log(`[neo4j] ${line}`) },
  ).catch((error: unknown) => {
    if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const uri = db.engine?.uri ?? config.neo4jUri ?? '';
  console.log(
    `[neo4j] ${db.serverAgent} at ${uri}` +
      (db.engine ? ` (embedded, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)` : ''),
  );
  project.provide('neo4j', {
    uri,
    user: db.user,
    password: db.password,
    database: config.neo4jDatabase,
    readUser: db.readUser,
    readPassword: db.readUser === null ? null : db.readPassword,
    dataDir,
  });

  return async () => {
    await db.close();
    if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  };
}
