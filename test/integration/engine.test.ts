import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type EngineHandle, EngineError, ensureEngineBuilt, startEngine } from '../../src/db/engine.ts';
import { testDatabaseName, testDriver } from '../support/neo4j.ts';

const PASSWORD = 'second-engine-pw';

function driverFor(engine: EngineHandle): Driver {
  return neo4j.driver(engine.uri, neo4j.auth.basic(engine.user, engine.password));
}

/** Starts an engine on an existing store, keeping every line it prints in `log`. */
function restartOn(dataDir: string, log: string[]): Promise<EngineHandle> {
  return startEngine({ port: 0, dataDir, user: 'neo4j', password: PASSWORD, onLog: (l) => log.push(l) });
}

async function countMarked(driver: Driver, marker: string): Promise<number> {
  const { records } = await driver.executeQuery(
    'MATCH (n:EngineTest {marker: $marker}) RETURN count(n) AS n',
    {
      marker,
    },
  );
  return records[0]?.get('n').toNumber() ?? -1;
}

describe("the suite's Neo4j", () => {
  let driver: Driver;
  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    await driver.close();
  });

  it('creates and reads back a node inside a write transaction', async () => {
    const marker = `engine-test-${process.pid}-${Date.now()}`;
    const session = driver.session({ database: testDatabaseName() });
    try {
      const read = await session.executeWrite(async (tx) => {
        await tx.run('CREATE (:EngineTest {marker: $marker, text: $text})', { marker, text: '四服务' });
        const result = await tx.run('MATCH (n:EngineTest {marker: $marker}) RETURN n.text AS text', {
          marker,
        });
        return result.records.map((r) => r.get('text') as string);
      });
      expect(read).toEqual(['四服务']);
    } finally {
      await session.executeWrite((tx) =>
        tx.run('MATCH (n:EngineTest {marker: $marker}) DELETE n', { marker }),
      );
      await session.close();
    }
  });

  it('is Neo4j 5.26, community edition', async () => {
    const info = await driver.getServerInfo({ database: testDatabaseName() });
    expect(info.agent).toMatch(/^Neo4j\/5\.26\./);
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
      {},
      { database: testDatabaseName() },
    );
    expect(records.map((r) => r.toObject())).toEqual([
      { name: 'Neo4j Kernel', versions: [expect.stringMatching(/^5\.26\./)], edition: 'community' },
    ]);
  });
});

describe('a second engine on the same machine (another test run, say)', () => {
  let dataDir: string;
  let second: EngineHandle | null = null;

  beforeAll(async () => {
    await ensureEngineBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-neo4j-second-'));
    second = await startEngine({ port: 0, dataDir, user: 'neo4j', password: PASSWORD });
  });
  afterAll(async () => {
    await second?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs beside the suite engine on its own port and directory, and both answer', async () => {
    const engine = second!;
    const suite = inject('neo4j');
    expect(engine.uri).not.toBe(suite.uri);
    expect(engine.dataDir).toBe(dataDir);

    const mine = driverFor(engine);
    const theirs = testDriver();
    try {
      const [a, b] = await Promise.all([
        mine.getServerInfo(),
        theirs.getServerInfo({ database: testDatabaseName() }),
      ]);
      expect(a.address).toBe(`127.0.0.1:${engine.port}`);
      expect(a.agent).toMatch(/^Neo4j\/5\.26\./);
      expect(b.agent).toMatch(/^Neo4j\//);
      expect(a.address).not.toBe(b.address);
    } finally {
      await Promise.all([mine.close(), theirs.close()]);
    }
  });

  it('refuses a data directory a live engine holds, at once and naming its process', async () => {
    const engine = second!;
    const started = Date.now();
    const attempt = startEngine({ port: 0, dataDir, user: 'neo4j', password: PASSWORD });
    await expect(attempt).rejects.toThrow(EngineError);
    await expect(attempt).rejects.toMatchObject({
      code: 'DATA_DIR_IN_USE',
      message: `data directory ${dataDir} is in use by process ${engine.pid}`,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('keeps its data across a clean stop, and recovers after being killed', async () => {
    const marker = 'survives-restarts';
    let driver = driverFor(second!);
    await driver.executeQuery('CREATE (:EngineTest {marker: $marker})', { marker });
    await driver.close();

    // Clean stop: the next start has nothing to recover.
    await second!.stop();
    expect(await second!.exited).toBe(0);
    const afterStop: string[] = [];
    second = await restartOn(dataDir, afterStop);
    expect(afterStop.filter((l) => l.includes('NOTE'))).toEqual([]);
    driver = driverFor(second);
    expect(await countMarked(driver, marker)).toBe(1);
    await driver.close();

    // Killed: the next start says so, and the committed node is still there.
    const killed = second;
    process.kill(killed.pid, 'SIGKILL');
    await killed.exited;
    const afterKill: string[] = [];
    second = await restartOn(dataDir, afterKill);
    expect(afterKill).toContain(
      `NEO4J-ENGINE NOTE previous run (process ${killed.pid}) was killed before it stopped;` +
        ' Neo4j recovers the store from its transaction log',
    );
    driver = driverFor(second);
    expect(await countMarked(driver, marker)).toBe(1);
    await driver.close();
  });
});
