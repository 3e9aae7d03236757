/**
 * `npm start`: connects the database (the embedded engine when NEO4J_URI is unset), loads each of
 * PLAN_FILES that the graph lacks or holds from another text (otherwise writes nothing), and
 * serves the GraphQL API, the playground, the exports, /health and /ready on HOST:PORT.
 *
 * Ctrl-C closes the HTTP server, then the driver, then the engine, and exits 0.
 */
import { relative } from 'node:path';
import { REPO_ROOT, loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open.ts';
import { parsePlan, readPlanFile } from '../ingest/index.ts';
import { LOAD_STEPS, loadPlan } from '../ingest/load/load.ts';
import { ensureSchema } from '../ingest/load/schema.ts';
import { startServer } from '../api/server.ts';
import { isStopping, onShutdown, runMain, shutdown } from './lifecycle.ts';

/** Parses and loads one plan file; the loader itself skips a source the graph already holds. */
async function loadAtStart(db: Database, file: string): Promise<void> {
  const name = relative(REPO_ROOT, file) || file;
  const { text, source } = readPlanFile(file);
  const model = parsePlan(text, source);
  const started = performance.now();
  const result = await loadPlan(db, model, {
    onStep: (step, index, total) => {
      if (index === 1) console.log(`loading ${name} as ${model.id} (${total} steps)`);
      if (index === total || index % 4 === 0) console.log(`  [${index}/${LOAD_STEPS.length}] ${step}`);
    },
  });
  if (result.status === 'skipped') {
    console.log(`${model.id}: up to date (${name}), nothing written`);
  } else {
    const ms = (performance.now() - started).toFixed(0);
    console.log(`${model.id}: loaded from ${name} in ${ms} ms, ${model.warnings.length} parser warnings`);
  }
}

runMain(async () => {
  const config = loadConfig();
  const { db, connection, close } = await openDatabase(config, { onLog: (line) => console.log(line) });
  onShutdown(close);
  console.log(
    `connected to ${connection.serverAgent} ` +
      `(${connection.engine ? `embedded, ${connection.engine.uri}` : config.neo4jUri})`,
  );
  void connection.engine?.exited.then((code) => {
    if (isStopping()) return;
    console.error(`the embedded Neo4j engine stopped unexpectedly (exit ${code})`);
    void shutdown(1);
  });

  await ensureSchema(db);
  for (const file of config.planFiles) await loadAtStart(db, file);

  const server = await startServer(db, {
    port: config.port,
    host: config.host,
    api: {
      introspection: config.introspection,
      csrfPrevention: config.csrfPrevention,
      maxDepth: config.maxDepth,
      maxAliases: config.maxAliases,
      maxCost: config.maxCost,
      maxTokens: 2_000,
      corsOrigins: config.corsOrigins,
    },
  });
  onShutdown(() => server.close());
  console.log(`ready: ${server.url}/graphql (playground: ${server.url}/playground)`);
});
