/** The set-up most API tests share: the seed alone in an emptied test database, served over HTTP. */
import type { ApiOptions } from '../../src/api/server.ts';
import type { Database } from '../../src/db/database.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from './graph.ts';
import { startTestServer } from './server.ts';

export interface SeededServer {
  readonly db: Database;
  readonly server: Awaited<ReturnType<typeof startTestServer>>;
}

/** `api`: the server's options (the API's defaults when left out). */
export async function openSeededServer(api?: ApiOptions): Promise<SeededServer> {
  const db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  return { db, server: await startTestServer(db, api) };
}

export async function closeSeededServer({ db, server }: SeededServer): Promise<void> {
  await server.close();
  await db.close();
}
