/**
 * Constraints and indexes, created before any load. Each is its own `schema-*.cypher` file;
 * `IF NOT EXISTS` makes running them again a no-op, so every start may call this. Then what a
 * graph written by an earlier loader lacks and a load relies on: the plans' citation keys.
 */
import type { Database } from '../../db/database.ts';

export async function ensureSchema(db: Database): Promise<number> {
  const names = [...db.catalog.keys()].filter((name) => name.startsWith('schema-'));
  for (const name of names) await db.schema(name);
  // Wait until the new indexes are online, so the first query after a load can use them.
  await db.write((tx) => tx.run('schema-await-indexes'));
  await db.write((tx) => tx.run('migrate-plan-keys'));
  return names.length;
}
