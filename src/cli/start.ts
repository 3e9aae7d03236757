/**
 * `npm start`: connects the database (the embedded engine when NEO4J_URI is unset), loads each of
 * PLAN_FILES that the graph lacks or holds from another text (otherwise writes nothing), and
 * serves the GraphQL API, the landing page, the playground, the exports, /health and /ready on
 * HOST:PORT. The ports are checked first, so a busy one stops the start before the engine boots.
 *
 * Ctrl-C closes the HTTP server, then the driver, then the engine, and exits 0.
 */
import { relative } from 'node:path';
import { REPO_ROOT, loadConfig, type Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open.ts';
import { parsePlan, readPlanFile } from '../ingest/index.ts';
import { loadPlan } from '../ingest/load/load.ts';
import { ensureSchema } from '../ingest/load/schema.ts';
import { apiOptionsFrom, startServer } from '../api/server.ts';
import { isStopping, onShutdown, runMain, shutdown } from './lifecycle.ts';
import { checkPortFree } from './ports.ts';
import { program, withOptions } from './program.ts';
import { type StatusLine, statusLine } from './status.ts';

/** Parses and loads one plan file; the loader itself skips a source the graph already holds. */
async function loadAtStart(db: Database, file: string, status: StatusLine): Promise<void> {
  const name = relative(REPO_ROOT, file) || file;
  const { text, source } = readPlanFile(file);
  const model = parsePlan(text, source);
  const started = performance.now();
  const result = await loadPlan(db, model, {
    onStep: (step, index, total) => status.update(`  loading ${name}: [${index}/${total}] ${step}`),
  });
  if (result.status === 'skipped') {
    status.print(`${model.id}: up to date (${name}), nothing written`);
  } else {
    const ms = (performance.now() - started).toFixed(0);
    const warnings = model.warnings.length;
    const where =
      warnings === 0 ? '' : ` (read them: npm run plans -- --warnings ${model.id}, or Plan.warnings)`;
    status.print(`${model.id}: loaded from ${name} in ${ms} ms, ${warnings} parser warnings${where}`);
    if (!model.complete)
      status.print(`  ${model.id} is a cut text, loaded as far as it goes (complete: false)`);
    if (model.reviewed.file === null) {
      status.print(
        `  warning: no reviewed links fit ${name}: ${model.id}'s SERVES and ADDRESSES rest on derived evidence alone`,
      );
    }
  }
}

/** Both ports the start will bind, before anything slow happens. */
async function checkPorts(config: Config): Promise<void> {
  await checkPortFree(config.port, config.host, 'PORT', '--port');
  if (config.neo4jUri === null)
    await checkPortFree(config.neo4jPort, '127.0.0.1', 'NEO4J_PORT', '--neo4j-port');
}

async function main(config: Config): Promise<void> {
  const status = statusLine();
  await checkPorts(config);
  // Until the database answers: the build's own counting line, else seconds spent starting.
  const started = Date.now();
  let lastBuildStatus = 0;
  const ticker = setInterval(() => {
    if (Date.now() - lastBuildStatus < 2_000) return;
    status.update(`  starting the database: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }, 1_000);
  const { db, connection, close } = await openDatabase(config, {
    onLog: (line) => status.print(line),
    onStatus: (text) => {
      lastBuildStatus = Date.now();
      status.update(text);
    },
  }).finally(() => clearInterval(ticker));
  onShutdown(close);
  status.print(
    `connected to ${connection.serverAgent} ` +
      `(${connection.engine ? `embedded, ${connection.engine.uri}` : config.neo4jUri})`,
  );
  void connection.engine?.exited.then((code) => {
    if (isStopping()) return;
    console.error(`the embedded Neo4j engine stopped unexpectedly (exit ${code})`);
    void shutdown(1);
  });

  await ensureSchema(db);
  for (const file of config.planFiles) await loadAtStart(db, file, status);

  const server = await startServer(db, {
    port: config.port,
    host: config.host,
    api: { ...apiOptionsFrom(config), databaseUser: connection.readUser ?? config.neo4jUser },
  });
  onShutdown(() => server.close());
  status.print(
    `ready: ${server.url}/graphql (open ${server.url}/ in a browser: plans, playground, exports, health)`,
  );
}

const cli = program({
  usage: 'npm start --',
  summary:
    'Starts the service: the embedded Neo4j engine (unless NEO4J_URI names a server), the plans of PLAN_FILES loaded when the graph lacks them or their text changed, and the HTTP API on HOST:PORT: / (landing page), /graphql (API and playground), /plans/<id>/graph.graphml|json, /health, /ready. The first start on a machine builds the engine with Maven (~2 min); later starts take 10-25 s.',
  variables: [
    'PORT',
    'HOST',
    'PLAN_FILES',
    'NEO4J_URI',
    'NEO4J_USER',
    'NEO4J_PASSWORD',
    'NEO4J_READ_USER',
    'NEO4J_READ_PASSWORD',
    'NEO4J_DATABASE',
    'NEO4J_DATA_DIR',
    'NEO4J_PORT',
    'GRAPHQL_INTROSPECTION',
    'GRAPHQL_CSRF_PREVENTION',
    'GRAPHQL_MAX_DEPTH',
    'GRAPHQL_MAX_ALIASES',
    'GRAPHQL_MAX_COST',
    'RESPONSE_CACHE',
  ],
  examples: [
    ['npm start', 'engine, seed, API on http://127.0.0.1:4000'],
    ['npm start -- --port 4100', 'another HTTP port'],
    ['PLAN_FILES=none npm start', 'serve what the graph holds, load nothing'],
    ['NEO4J_URI=bolt://127.0.0.1:7687 npm start', 'use an engine already running (npm run db)'],
  ],
})
  .option('-p, --port <port>', 'HTTP port (PORT; 0 = a free one)')
  .option('--host <address>', 'HTTP address (HOST); 0.0.0.0 serves other machines')
  .option('--plans <files>', 'plan files to load, comma-separated, or none (PLAN_FILES)')
  .option('--neo4j-port <port>', 'Bolt port of the embedded engine (NEO4J_PORT)')
  .option('--data-dir <dir>', 'store of the embedded engine (NEO4J_DATA_DIR)')
  .action(
    (options: { port?: string; host?: string; plans?: string; neo4jPort?: string; dataDir?: string }) => {
      runMain(async () => {
        const env = withOptions(process.env, {
          PORT: options.port,
          HOST: options.host,
          PLAN_FILES: options.plans,
          NEO4J_PORT: options.neo4jPort,
          NEO4J_DATA_DIR: options.dataDir,
        });
        await main(loadConfig(env));
      });
    },
  );

cli.parse(process.argv);
