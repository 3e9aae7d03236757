/**
 * One failure story in both modes: the embedded engine is killed (SIGKILL, as the out-of-memory
 * killer would) while requests keep coming. The service answers DATABASE_UNAVAILABLE meanwhile
 * (never INTERNAL_SERVER_ERROR),
 * restarts the engine on the same store and port by itself, and answers again — the same service
 * process, the same driver, nothing done by hand. An engine that hangs instead of dying (SIGSTOP)
 * is found by the liveness probe, killed and restarted the same way.
 */
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/db/catalog.ts';
import { type DatabaseConnection, connectDatabase } from '../../src/db/connect.ts';
import { CREDENTIALS_FILE } from '../../src/db/credentials.ts';
import { Database } from '../../src/db/database.ts';
import { loadFiles, SECOND_PLAN } from '../support/graph.ts';
import { startTestServer } from '../support/server.ts';
import { expectNoLeak } from './support.ts';

describe('when the embedded engine is killed under load', () => {
  let dataDir: string;
  let connection: DatabaseConnection;
  let db: Database;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const log: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-kill-'));
    // As an earlier version left the default store directory: readable by everyone.
    chmodSync(dataDir, 0o755);
    connection = await connectDatabase(
      {
        neo4jUri: null,
        neo4jUser: 'neo4j',
        neo4jPassword: null,
        neo4jDatabase: 'neo4j',
        neo4jDataDir: dataDir,
        neo4jPort: 0,
        engineRestarts: 3,
      },
      {
        onLog: (line) => log.push(line),
        // Quicker than the defaults (5 s, 10 s, 3), so that the hang is found in seconds.
        probe: { intervalMs: 1_000, timeoutMs: 5_000, failures: 2 },
      },
    );
    db = new Database(connection.driver, connection.database, loadCatalog());
    await loadFiles(db, SECOND_PLAN);
    server = await startTestServer(db);
  }, 240_000);

  afterAll(async () => {
    await server?.close();
    await connection?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('made a password of its own for this install, readable by its owner only', () => {
    const file = join(dataDir, CREDENTIALS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(connection.password).toMatch(/^[\w-]{32}$/);
    expect(connection.password).not.toBe('plan-graph-local');
  });

  it('answers DATABASE_UNAVAILABLE meanwhile, restarts the engine, and answers again', async () => {
    const query = '{ plans { id } }';
    const ok = { plans: [{ id: 'local-2019' }] };
    expect((await server.gql(query)).data).toEqual(ok);
    const firstPid = connection.engine!.pid;

    // Load: a request every 50 ms, from before the kill until the engine is back.
    const answers: { at: number; ok: boolean; code?: string; text: string }[] = [];
    let running = true;
    const load = (async () => {
      while (running) {
        const answer = await server.gql(query);
        answers.push({
          at: Date.now(),
          ok: JSON.stringify(answer.data) === JSON.stringify(ok),
          code: answer.errors?.[0]?.extensions?.code,
          text: JSON.stringify(answer),
        });
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    await new Promise((r) => setTimeout(r, 300));
    const killedAt = Date.now();
    process.kill(firstPid, 'SIGKILL');

    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      const last = answers.at(-1);
      if (last && last.at > killedAt && last.ok && connection.engine!.pid !== firstPid) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    running = false;
    await load;

    const after = answers.filter((a) => a.at > killedAt);
    const failures = after.filter((a) => !a.ok);
    expect(failures.length).toBeGreaterThan(0);
    // DATABASE_UNAVAILABLE while nothing listens; a request caught by the restart itself (Bolt up,
    // the database still starting) may instead run out of its time budget.
    const codes = new Set(failures.map((f) => f.code));
    expect(codes.has('DATABASE_UNAVAILABLE')).toBe(true);
    expect([...codes].filter((c) => c !== 'DATABASE_UNAVAILABLE' && c !== 'REQUEST_TIMEOUT')).toEqual([]);
    for (const f of failures) expectNoLeak(f.text);
    expect(after.at(-1)!.ok, log.join('\n')).toBe(true);
    expect(connection.engine!.pid).not.toBe(firstPid);
    expect(log.join('\n')).toMatch(/stopped unexpectedly \(killed by a signal\)/);
    expect(log.join('\n')).toMatch(/restarting the engine in 1 s \(attempt 1 of 3\)/);
    expect(log.join('\n')).toMatch(/the engine is back \(process \d+/);
    // The graph survived: the store is the same one.
    expect((await server.gql('{ plan(id: "local-2019") { tasks { id } } }')).data).toMatchObject({
      plan: { tasks: expect.arrayContaining([{ id: 'local-2019/task-1' }]) },
    });
  }, 240_000);

  it('restarts an engine that hangs (SIGSTOP): the probe finds it, the API answers again', async () => {
    const query = '{ plans { id } }';
    const ok = { plans: [{ id: 'local-2019' }] };
    expect((await server.gql(query)).data).toEqual(ok);
    const hungPid = connection.engine!.pid;
    const port = connection.engine!.port;
    log.length = 0;

    const answers: { at: number; ok: boolean; code?: string; text: string }[] = [];
    let running = true;
    const load = (async () => {
      while (running) {
        const answer = await server.gql(query);
        answers.push({
          at: Date.now(),
          ok: JSON.stringify(answer.data) === JSON.stringify(ok),
          code: answer.errors?.[0]?.extensions?.code,
          text: JSON.stringify(answer),
        });
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const stoppedAt = Date.now();
    process.kill(hungPid, 'SIGSTOP');
    try {
      const deadline = Date.now() + 180_000;
      while (Date.now() < deadline) {
        const last = answers.at(-1);
        if (last && last.at > stoppedAt && last.ok && connection.engine!.pid !== hungPid) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      running = false;
      // Never leave a stopped process behind, whatever happened above.
      try {
        process.kill(hungPid, 'SIGKILL');
      } catch {
        // Already killed by the probe, as it should be.
      }
    }
    await load;

    const after = answers.filter((a) => a.at > stoppedAt);
    const text = log.join('\n');
    expect(after.at(-1)?.ok, text).toBe(true);
    // 5 s per check; 60 s while the probe has not yet heard this engine once (a JVM just
    // restarted by the test before is given its first-answer allowance).
    expect(text).toMatch(
      new RegExp(
        `the engine \\(process ${hungPid}\\) failed its liveness check 1 of 2: no answer within (5|60) s`,
      ),
    );
    expect(text).toContain(`the engine (process ${hungPid}) is hung: killing it (SIGKILL) to restart it`);
    expect(text).toContain(
      `the embedded Neo4j engine (process ${hungPid}) stopped unexpectedly (killed because it did not answer)`,
    );
    expect(text).toMatch(/the engine is back \(process \d+/);
    expect(connection.engine!.pid).not.toBe(hungPid);
    expect(connection.engine!.port).toBe(port);

    const failures = after.filter((a) => !a.ok);
    // While it hangs, a request waits for its time budget; once it is killed, the driver says so.
    expect(
      [...new Set(failures.map((f) => f.code))].filter(
        (c) => c !== 'DATABASE_UNAVAILABLE' && c !== 'REQUEST_TIMEOUT',
      ),
    ).toEqual([]);
    for (const f of failures) expectNoLeak(f.text);
  }, 240_000);
});
