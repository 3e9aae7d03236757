/**
 * `npm run db`: the embedded Neo4j engine in the foreground, on NEO4J_PORT with NEO4J_DATA_DIR,
 * for browsing the graph with other tools or for several service processes to share.
 * Ctrl-C stops it cleanly.
 */
import { loadConfig } from '../config.ts';
import { CREDENTIALS_FILE, resolvePassword } from '../db/credentials.ts';
import { ensureEngineBuilt, startEngine } from '../db/engine.ts';
import { isStopping, onShutdown, runMain, shutdown } from './lifecycle.ts';

runMain(async () => {
  const config = loadConfig();
  await ensureEngineBuilt({ onProgress: (line) => console.log(line) });
  console.log(`starting Neo4j on ${config.neo4jDataDir} …`);
  const engine = await startEngine({
    port: config.neo4jPort,
    dataDir: config.neo4jDataDir,
    user: config.neo4jUser,
    password: resolvePassword({ ...config, neo4jUri: null }),
    onLog: (line) => {
      if (!line.startsWith('NEO4J-ENGINE READY')) console.log(`engine: ${line}`);
    },
  });
  onShutdown(() => engine.stop());
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
      `  data      ${engine.dataDir}`,
      '',
      'Connect with any Bolt client, e.g.',
      `  cypher-shell -a ${engine.uri} -u ${engine.user} -p '…'`,
      `  NEO4J_URI=${engine.uri} npm start     (the service then uses this engine)`,
      '',
      'Ctrl-C stops it.',
    ].join('\n'),
  );
});
