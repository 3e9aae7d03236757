/** A throw-away embedded engine with the seed loaded and the service over it, for the hostile benchmarks. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../src/db/catalog.ts';
import { connectDatabase, type DatabaseConnection } from '../../src/db/connect.ts';
import { Database } from '../../src/db/database.ts';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import { loadPlan } from '../../src/ingest/load/load.ts';
import { ensureSchema } from '../../src/ingest/load/schema.ts';
import { type ApiOptions, DEFAULT_API_OPTIONS, startServer } from '../../src/api/server.ts';

export const SEED = 'seeds/cast-2018-reform-key-tasks.txt';

/** The report's query: 20 aliases of plans → tasks → plan → tasks …, depth 11, 2 KB. */
export const AMPLIFICATION = `{ ${Array.from(
  { length: 20 },
  (_, i) =>
    `a${i}: plans { tasks { plan { tasks { plan { tasks { plan { tasks { plan { tasks { id } } } } } } } } } }`,
).join(' ')} }`;

export interface Bench {
  readonly url: string;
  readonly db: Database;
  readonly enginePid: () => number;
  close(): Promise<void>;
}

/** An embedded engine in a new temporary store, its schema made and the seed loaded. */
export async function seededEngine(
  prefix: string,
): Promise<{ dataDir: string; connection: DatabaseConnection; db: Database }> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const connection = await connectDatabase({
    neo4jUri: null,
    neo4jUser: 'neo4j',
    neo4jPassword: null,
    neo4jDatabase: 'neo4j',
    neo4jDataDir: dataDir,
    neo4jPort: 0,
  });
  const db = new Database(connection.driver, connection.database, loadCatalog(), {
    readDriver: connection.readDriver,
  });
  await ensureSchema(db);
  const { text, source } = readPlanFile(SEED);
  await loadPlan(db, parsePlan(text, source), { force: true });
  return { dataDir, connection, db };
}

export async function startBench(api: Partial<ApiOptions> = {}): Promise<Bench> {
  const { dataDir, connection, db } = await seededEngine('plan-graph-bench-hostile-');
  const server = await startServer(db, {
    port: 0,
    host: '127.0.0.1',
    api: { ...DEFAULT_API_OPTIONS, ...api },
  });
  return {
    url: server.url,
    db,
    enginePid: () => connection.engine!.pid,
    async close() {
      await server.close();
      await connection.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resident set of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function post(
  url: string,
  query: string,
): Promise<{ status: number; bytes: number; body: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(body), body };
}
