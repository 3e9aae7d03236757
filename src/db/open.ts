/**
 * Opens the service's database: connects (starting the embedded engine when NEO4J_URI is unset),
 * reads the Cypher catalog, and hands back the one door every other module uses.
 *
 * One store has one engine: while `npm start` (or `npm run db`) runs the embedded engine on
 * NEO4J_DATA_DIR, another command (`npm run load`) uses that running engine instead of starting a
 * second one on the same store. The process that starts an engine writes its Bolt address to
 * RUNNING_FILE in the data directory (removed when it stops); a command that finds the store in
 * use reads the address there, or else from the engine process's own arguments (`--port`, on
 * Linux), and says exactly what to set when it can find neither.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, securityWarnings } from '../config.ts';
import { loadCatalog } from './catalog.ts';
import { ConnectError, type DatabaseConnection, connectDatabase } from './connect.ts';
import { Database } from './database.ts';
import { EngineError } from './engine.ts';

export interface OpenDatabase {
  readonly db: Database;
  /** The driver's connection: the server agent, and the embedded engine when there is one. */
  readonly connection: DatabaseConnection;
  /** Bolt address of an engine another process runs on the same store, when that is what is used. */
  readonly sharedEngine: string | null;
  /** Closes the driver, then stops the embedded engine if this process started one. */
  close(): Promise<void>;
}

/** In the data directory: `{ "uri": "bolt://127.0.0.1:7687", "pid": <engine process> }`. */
export const RUNNING_FILE = 'running-engine.json';

export async function openDatabase(
  config: Config,
  options: { onLog?: (line: string) => void; onStatus?: (text: string) => void } = {},
): Promise<OpenDatabase> {
  const catalog = loadCatalog();
  for (const warning of securityWarnings(config)) options.onLog?.(`WARNING: ${warning}`);
  const { connection, sharedEngine } = await connect(config, options);
  const db = new Database(connection.driver, connection.database, catalog, {
    readTimeoutMs: config.neo4jReadTimeoutMs,
    readDriver: connection.readDriver,
  });
  const record = join(config.neo4jDataDir, RUNNING_FILE);
  if (connection.engine) {
    writeFileSync(record, JSON.stringify({ uri: connection.engine.uri, pid: connection.engine.pid }) + '\n');
  }
  return {
    db,
    connection,
    sharedEngine,
    close: async () => {
      if (connection.engine) rmSync(record, { force: true });
      await connection.close();
    },
  };
}

async function connect(
  config: Config,
  options: { onLog?: (line: string) => void; onStatus?: (text: string) => void },
): Promise<{ connection: DatabaseConnection; sharedEngine: string | null }> {
  if (config.neo4jUri !== null) {
    // NEO4J_URI may name this install's own engine (`npm run db`): its reader is ours to use.
    const ownEngine = runningEngine(config.neo4jDataDir)?.uri === config.neo4jUri;
    return { connection: await connectDatabase(config, { ...options, ownEngine }), sharedEngine: null };
  }
  const recorded = runningEngine(config.neo4jDataDir);
  if (recorded) {
    const shared = await tryShared(config, recorded, options);
    if (shared) return shared;
  }
  try {
    return { connection: await connectDatabase(config, options), sharedEngine: null };
  } catch (error) {
    if (!(error instanceof EngineError) || error.code !== 'DATA_DIR_IN_USE') throw error;
    const pid = Number(/in use by process (\d+)/.exec(error.message)?.[1] ?? NaN);
    const port = Number.isInteger(pid) ? portOfProcess(pid) : null;
    if (port !== null) {
      const shared = await tryShared(config, { uri: `bolt://127.0.0.1:${port}`, pid }, options);
      if (shared) return shared;
    }
    throw new ConnectError(
      'UNREACHABLE',
      `${error.message.split('\n')[0]}: another command (npm start, npm run db) runs the embedded engine on ` +
        `${config.neo4jDataDir}. Use it by setting NEO4J_URI=bolt://127.0.0.1:PORT with the port that command ` +
        `printed ("connected to … embedded, bolt://127.0.0.1:PORT"), or set NEO4J_DATA_DIR to another directory.`,
      { cause: error },
    );
  }
}

async function tryShared(
  config: Config,
  running: { uri: string; pid: number },
  options: { onLog?: (line: string) => void; onStatus?: (text: string) => void },
): Promise<{ connection: DatabaseConnection; sharedEngine: string } | null> {
  try {
    const connection = await connectDatabase(
      { ...config, neo4jUri: running.uri },
      { ...options, ownEngine: true },
    );
    options.onLog?.(
      `using the engine process ${running.pid} runs on ${config.neo4jDataDir} (${running.uri})`,
    );
    return { connection, sharedEngine: running.uri };
  } catch {
    return null;
  }
}

/** The engine recorded in the data directory, if its process is alive. */
export function runningEngine(dataDir: string): { uri: string; pid: number } | null {
  const file = join(dataDir, RUNNING_FILE);
  if (!existsSync(file)) return null;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as { uri?: unknown; pid?: unknown };
    if (typeof record.uri !== 'string' || typeof record.pid !== 'number') return null;
    process.kill(record.pid, 0); // throws when no such process: a record left by a killed run
    return { uri: record.uri, pid: record.pid };
  } catch {
    return null;
  }
}

/** The `--port` an engine process was started with (Linux: /proc/PID/cmdline), or null. */
function portOfProcess(pid: number): number | null {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const at = args.indexOf('--port');
    const port = at >= 0 ? Number(args[at + 1]) : NaN;
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}
