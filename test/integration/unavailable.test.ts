/**
 * The engine goes away under a running service and comes back: requests meanwhile get a coded
 * error a person understands (never a hang, never a stack), /ready says so, and the same service
 * answers again once the engine is back — no restart, nothing to do by hand.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/db/catalog.ts';
import { createDriver } from '../../src/db/connect.ts';
import { Database } from '../../src/db/database.ts';
import { type EngineHandle, ensureEngineBuilt, freePort, startEngine } from '../../src/db/engine.ts';
import { loadFiles, SECOND_PLAN } from '../support/graph.ts';
import { startTestServer } from '../support/server.ts';

const PASSWORD = 'outage-test-pw';

describe('when Neo4j becomes unreachable and comes back', () => {
  let dataDir: string;
  let port: number;
  let engine: EngineHandle | null = null;
  let db: Database;
  let server: Awaited<ReturnType<typeof startTestServer>>;

  const start = async () => {
    engine = await startEngine({ port, dataDir, user: 'neo4j', password: PASSWORD });
  };

  beforeAll(async () => {
    await ensureEngineBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-outage-'));
    port = await freePort();
    await start();
    db = new Database(createDriver(`bolt://127.0.0.1:${port}`, 'neo4j', PASSWORD), 'neo4j', loadCatalog());
    await loadFiles(db, SECOND_PLAN);
    server = await startTestServer(db);
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers DATABASE_UNAVAILABLE while it is down, then recovers by itself', async () => {
    const query = '{ plans { id } }';
    expect((await server.gql(query)).data).toEqual({ plans: [{ id: 'local-2019' }] });

    await engine!.stop();
    const started = Date.now();
    const down = await server.gql(query);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(down.errors).toHaveLength(1);
    expect(down.errors![0]).toMatchObject({
      message: 'The graph database is unreachable right now; try again in a moment.',
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
    expect(JSON.stringify(down)).not.toMatch(/\bat .*\.ts:\d+/);

    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready' });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    const exported = await fetch(`${server.url}/plans/local-2019/graph.json`);
    expect(exported.status).toBe(503);
    expect(await exported.json()).toEqual({
      code: 'DATABASE_UNAVAILABLE',
      message: 'The graph database is unreachable right now; try again in a moment.',
    });

    await start();
    expect((await server.gql(query)).data).toEqual({ plans: [{ id: 'local-2019' }] });
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  }, 240_000);
});
