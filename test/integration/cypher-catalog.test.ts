import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { ensureSchema } from '../../src/ingest/load/schema.ts';
import { openTestDatabase } from '../support/graph.ts';

let db: Database;
beforeAll(async () => {
  db = openTestDatabase();
  await ensureSchema(db);
});
afterAll(async () => {
  await db.close();
});

describe('every statement of the Cypher catalog', () => {
  it('compiles on the engine (EXPLAIN), so a broken query fails here and not in use', async () => {
    const session = db.driver.session({ database: db.databaseName });
    const failures: string[] = [];
    try {
      for (const statement of db.catalog.values()) {
        if (statement.name.startsWith('schema-')) continue; // schema statements ran in beforeAll
        const params = Object.fromEntries(statement.params.map((p) => [p, null]));
        try {
          await session.run(`EXPLAIN ${statement.text}`, params);
        } catch (error) {
          failures.push(`${statement.name}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
    } finally {
      await session.close();
    }
    expect(failures).toEqual([]);
    expect(db.catalog.size).toBeGreaterThan(60);
  });
});
