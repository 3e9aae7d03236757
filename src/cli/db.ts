/**
 * `npm run db`: the embedded Neo4j engine in the foreground, on NEO4J_PORT with NEO4J_DATA_DIR,
 * for browsing the graph with other tools or for several service processes to share.
 * Ctrl-C stops it cleanly.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, READER_USER, type Config } from '../config.ts';
import { CREDENTIALS_FILE, resolvePassword, resolveReader } from '../db/credentials.ts';
import { ensureEngineBuilt, startEngine } from '../db/engine.ts';
import { RUNNING_FILE } from '../db/open.ts';
import { isStopping, onShutdown, runMain, shutdown } from './lifecycle.ts';
import { checkPortFree } from './ports.ts';
import { program, withOptions } from './program.ts';
import { statusLine } from './status.ts';

async function main(config: Config): Promise<void> {
  const status = statusLine();
  await checkPortFree(config.neo4jPort, '127.0.0.1', 'NEO4J_PORT', '--port');
  await ensureEngineBuilt({
    onProgress: (line) => status.print(line),
    onStatus: (text) => status.update(text),
  });
  status.print(`starting Neo4j on ${config.neo4jDataDir} …`);
  const engine = await startEngine({
    port: config.neo4jPort,
    dataDir: config.neo4jDataDir,
    user: config.neo4jUser,
    password: resolvePassword({ ...config, neo4jUri: null }),
    reader: resolveReader({ ...config, neo4jUri: null }),
    onLog: (line) => {
      if (!line.startsWith('NEO4J-ENGINE READY')) console.log(`engine: ${line}`);
    },
  });
  // Recorded as open.ts records the engine of `npm start`: NEO4J_URI=<this> then finds its reader.
  const record = join(engine.dataDir, RUNNING_FILE);
  writeFileSync(record, JSON.stringify({ uri: engine.uri, pid: engine.pid }) + '\n');
  onShutdown(async () => {
    rmSync(record, { force: true });
    await engine.stop();
  });
  void engine.exited.then((code) => {
    if (isStopping()) return;
    console.error(`the engine stopped (exit ${code})`);
    void shutdown(code === 0 ? 0 : 1);
  });

  const password =
    config.neo4jPassword === null
      ? `(this install's own, in ${engine.dataDir}/${CREDENTIALS_FILE})`
      : '(the value of NEO4J_PASSWORD)';
  console.log(
    [
      '',
      `Neo4j is ready at ${engine.uri}`,
      `  user      ${engine.user}`,
      `  password  ${password}`,
      `  reader    ${config.neo4jReadUser ?? READER_USER} (may only read; the service's reads use it)`,
      `  data      ${engine.dataDir}`,
      '',
      'Connect with any Bolt client, e.g.',
      `  cypher-shell -a ${engine.uri} -u ${engine.user} -p '…'`,
      `  NEO4J_URI=${engine.uri} npm start     (the service then uses this engine)`,
      '',
      'Ctrl-C stops it.',
    ].join('\n'),
  );
}

const cli = program({
  usage: 'npm run db --',
  summary:
    'Runs the embedded Neo4j engine alone, in the foreground, on 127.0.0.1:NEO4J_PORT with its store in NEO4J_DATA_DIR, for any Bolt client (cypher-shell, another service process). Builds it first when engine/ changed (Maven; ~2 min on a machine that never built it). Ctrl-C stops it cleanly.',
  variables: ['NEO4J_PORT', 'NEO4J_DATA_DIR', 'NEO4J_USER', 'NEO4J_PASSWORD'],
  examples: [
    ['npm run db', 'the engine on bolt://127.0.0.1:7687, store .data/neo4j'],
    ['npm run db -- --port 7688 --data-dir /tmp/pg', 'another port and store'],
    ['NEO4J_URI=bolt://127.0.0.1:7687 npm start', 'then, in another terminal: the service on it'],
  ],
})
  .option('-p, --port <port>', 'Bolt port on 127.0.0.1 (NEO4J_PORT; 0 = a free one)')
  .option('--data-dir <dir>', 'where the store lives (NEO4J_DATA_DIR)')
  .action((options: { port?: string; dataDir?: string }) => {
    runMain(async () => {
      const env = withOptions(process.env, { NEO4J_PORT: options.port, NEO4J_DATA_DIR: options.dataDir });
      await main(loadConfig(env));
    });
  });

cli.parse(process.argv);
