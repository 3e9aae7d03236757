/**
 * Test access to the suite's Neo4j: a Database over the engine test/setup/engine.ts started (or the
 * server NEO4J_URI names), and the seed plan parsed and loaded once per file.
 */
import { Database } from '../../src/db/database.ts';
import { loadCatalog } from '../../src/db/catalog.ts';
import { loadPlan } from '../../src/ingest/load/load.ts';
import type { PlanModel } from '../../src/ingest/model.ts';
import { testDatabaseName, testDriver, testReadDriver } from './neo4j.ts';
import { parseFile } from './plans.ts';

export { parseFile, SECOND_PLAN, SEED, sourceText } from './plans.ts';

/**
 * As the service opens it: writes as the suite's user, reads as the read-only user when the engine
 * has one, so every API test also shows the API needs nothing more than reading.
 */
export function openTestDatabase(): Database {
  const driver = testDriver();
  return new Database(driver, testDatabaseName(), loadCatalog(), { readDriver: testReadDriver() ?? driver });
}

/** Removes every node of the graph: each test file starts from nothing it did not make. */
export async function emptyGraph(db: Database): Promise<void> {
  await db.write((tx) => tx.run('test-delete-everything'));
}

/** Loads the given plans (forced: the graph ends up exactly as these files say). */
export async function loadFiles(db: Database, ...plans: (string | [string, string])[]): Promise<PlanModel[]> {
  const models: PlanModel[] = [];
  for (const plan of plans) {
    const model = typeof plan === 'string' ? parseFile(plan) : parseFile(plan[0], plan[1]);
    await loadPlan(db, model, { force: true });
    models.push(model);
  }
  return models;
}
