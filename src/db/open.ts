/**
 * Opens the service's database: connects (starting the embedded engine when NEO4J_URI is unset),
 * reads the Cypher catalog, and hands back the one door every other module uses.
 *
 * One store has one engine: while `npm start` (or `npm run db`) runs the embedded engine on
 * NEO4J_DATA_DIR, another command (`npm run load`) uses that running engine instead of starting a
 * second one on the same store. The process that starts an engine writes its Bolt address to
 * RUNNING_FILE in the data directory (removed when it stops); a command that finds the store in
 * use reads the address there, or else from the engine process's own arguments (`--port`, on
 * Linux), and says exactly what to set when it can find neither. The record follows the engine:
 * rewritten when the supervisor restarts a dead or hung one (new pid, same port), and while the
 * engine is between two runs a command waits for the new one rather than starting its own.
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

/**
 * In the data directory: `{ "uri": "bolt://127.0.0.1:7687", "pid": <engine process>, "owner":
 * <the process that started and supervises it> }`.
 */
export const RUNNING_FILE = 'running-engine.json';

/**
 * How long a command waits at most for an engine that its owner is restarting: a restart takes
 * ~10 s, minutes on a crowded machine; an owner that gives up exits, which ends the wait sooner.
 */
const RESTART_WAIT_MS = 600_000;

interface RunningRecord {
  readonly uri: string;
  readonly pid: number;
  readonly owner: number | null;
}

function writeRecord(file: string, engine: { uri: string; pid: number }): void {
  writeFileSync(file, JSON.stringify({ uri: engine.uri, pid: engine.pid, owner: process.pid }) + '\n');
}

export async function openDatabase(
  config: Config,
  options: { onLog?: (line: string) => void; onStatus?: (text: string) => void } = {},
): Promise<OpenDatabase> {
  const catalog = loadCatalog();
  for (const warning of securityWarnings(config)) options.onLog?.(`WARNING: ${warning}`);
  const record = join(config.neo4jDataDir, RUNNING_FILE);
  const { connection, sharedEngine } = await connect(config, {
    ...options,
    // Only an engine this process started is supervised, so only its owner rewrites the record.
    onEngineRestart: (engine) => writeRecord(record, engine),
  });
  const db = new Database(connection.driver, connection.database, catalog, {
    readTimeoutMs: config.neo4jReadTimeoutMs,
    readDriver: connection.readDriver,
  });
  if (connection.engine) writeRecord(record, connection.engine);
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

type ConnectOptionsHere = {
  onLog?: (line: string) => void;
  onStatus?: (text: string) => void;
  onEngineRestart?: (engine: { uri: string; pid: number }) => void;
};

async function connect(
  config: Config,
  options: ConnectOptionsHere,
): Promise<{ connection: DatabaseConnection; sharedEngine: string | null }> {
  if (config.neo4jUri !== null) {
    // NEO4J_URI may name this install's own engine (`npm run db`): its reader is ours to use.
    const ownEngine = runningEngine(config.neo4jDataDir)?.uri === config.neo4jUri;
    return { connection: await connectDatabase(config, { ...options, ownEngine }), sharedEngine: null };
  }
  const recorded = await liveOrRestartedEngine(config.neo4jDataDir, options.onLog);
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
  options: ConnectOptionsHere,
): Promise<{ connection: DatabaseConnection; sharedEngine: string } | null> {
  try {
    const { onEngineRestart: _notOurs, ...rest } = options;
    const connection = await connectDatabase(
      { ...config, neo4jUri: running.uri },
      { ...rest, ownEngine: true },
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
  const record = readRecord(dataDir);
  return record !== null && isAlive(record.pid) ? { uri: record.uri, pid: record.pid } : null;
}

function readRecord(dataDir: string): RunningRecord | null {
  const file = join(dataDir, RUNNING_FILE);
  if (!existsSync(file)) return null;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as {
      uri?: unknown;
      pid?: unknown;
      owner?: unknown;
    };
    if (typeof record.uri !== 'string' || typeof record.pid !== 'number') return null;
    return {
      uri: record.uri,
      pid: record.pid,
      owner: typeof record.owner === 'number' ? record.owner : null,
    };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // throws when no such process: a record left by a killed run
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The recorded engine if it is alive; if it died but the process that supervises it is alive, the
 * engine that process is starting in its place, once the record names it (null after
 * RESTART_WAIT_MS: the owner gave up). Starting a second engine meanwhile would only find the
 * store locked, or take it from the owner.
 */
async function liveOrRestartedEngine(
  dataDir: string,
  onLog?: (line: string) => void,
): Promise<{ uri: string; pid: number } | null> {
  const record = readRecord(dataDir);
  if (record === null) return null;
  if (isAlive(record.pid)) return { uri: record.uri, pid: record.pid };
  if (record.owner === null || record.owner === process.pid || !isAlive(record.owner)) return null;
  onLog?.(`the engine process ${record.owner} runs on ${dataDir} is restarting: waiting for it`);
  const deadline = Date.now() + RESTART_WAIT_MS;
  while (Date.now() < deadline && isAlive(record.owner)) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = readRecord(dataDir);
    if (now === null) return null;
    if (now.pid !== record.pid && isAlive(now.pid)) return { uri: now.uri, pid: now.pid };
  }
  return null;
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
