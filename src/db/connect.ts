/**
 * Opens the service's connection to Neo4j. With NEO4J_URI set, that server (bolt:// for one
 * server, neo4j:// to route across a cluster, +s for TLS); without it, the embedded engine in
 * engine/, built if needed and started on NEO4J_DATA_DIR. Either way the result is a driver that
 * has already answered one query on the configured database, and what follows is the same code.
 */
import neo4j, { type Driver, Neo4jError } from 'neo4j-driver';
import type { Config } from '../config.ts';
import { resolvePassword, resolveReader } from './credentials.ts';
import { type EngineHandle, ensureEngineBuilt, startEngine } from './engine.ts';
import { rememberLogin } from './logins.ts';
import { type LivenessProbe, superviseEngine } from './supervisor.ts';

export type ConnectErrorCode = 'UNREACHABLE' | 'UNAUTHORIZED' | 'NO_SUCH_DATABASE' | 'FAILED';

export class ConnectError extends Error {
  override readonly name = 'ConnectError';
  constructor(
    readonly code: ConnectErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface DatabaseConnection {
  /** The writer's driver (NEO4J_USER): the loader's, and schema statements'. */
  readonly driver: Driver;
  /**
   * The API's driver: the read-only user's (resolveReader), or `driver` itself when reads share the
   * writer's account (a NEO4J_URI server with no NEO4J_READ_USER).
   */
  readonly readDriver: Driver;
  /** The reader's user name, or null when reads share the writer's account. */
  readonly readUser: string | null;
  readonly readPassword: string;
  readonly database: string;
  /**
   * The embedded engine, or null when NEO4J_URI names the server. It is supervised: restarted
   * when it dies (supervisor.ts), and its `exited` settles only when the restarts are spent.
   */
  readonly engine: EngineHandle | null;
  /** The credentials in use (the embedded engine's own password when NEO4J_PASSWORD is unset). */
  readonly user: string;
  readonly password: string;
  /** "Neo4j/5.26.30" */
  readonly serverAgent: string;
  /** Closes the driver, then stops the embedded engine if there is one. Safe to call twice. */
  close(): Promise<void>;
}

export type ConnectionConfig = Pick<
  Config,
  'neo4jUri' | 'neo4jUser' | 'neo4jPassword' | 'neo4jDatabase' | 'neo4jDataDir' | 'neo4jPort'
> &
  Partial<Pick<Config, 'engineRestarts' | 'neo4jReadUser' | 'neo4jReadPassword'>>;

export interface ConnectOptions {
  /** Build progress and engine output. */
  onLog?: (line: string) => void;
  /** A counting line during the engine's build (see BuildOptions.onStatus). */
  onStatus?: (text: string) => void;
  /** NEO4J_URI is the engine another command of this install runs on NEO4J_DATA_DIR. */
  ownEngine?: boolean;
  /** Timing of the embedded engine's liveness probe (supervisor.ts; defaults PROBE_DEFAULTS). */
  probe?: Omit<LivenessProbe, 'check'>;
  /** Called with each embedded engine started in place of a dead or hung one. */
  onEngineRestart?: (engine: EngineHandle) => void;
}

export async function connectDatabase(
  config: ConnectionConfig,
  options: ConnectOptions = {},
): Promise<DatabaseConnection> {
  let engine: EngineHandle | null = null;
  let uri = config.neo4jUri;
  const password = resolvePassword(config);
  const reader = resolveReader(config, options.ownEngine === true);
  if (uri === null) {
    await ensureEngineBuilt({
      onProgress: options.onLog,
      ...(options.onStatus ? { onStatus: options.onStatus } : {}),
    });
    const start = (port: number) =>
      startEngine({
        port,
        dataDir: config.neo4jDataDir,
        user: config.neo4jUser,
        password,
        reader,
        onLog: options.onLog,
      });
    const first = await start(config.neo4jPort);
    // Restarted on the port it got, so the driver finds it where it was.
    engine = superviseEngine(first, () => start(first.port), {
      maxRestarts: config.engineRestarts ?? 5,
      onLog: options.onLog,
      probe: { ...options.probe, check: boltCheck(config.neo4jUser, password, config.neo4jDatabase) },
      ...(options.onEngineRestart ? { onRestart: options.onEngineRestart } : {}),
    });
    uri = engine.uri;
  }

  const driver = createDriver(uri, config.neo4jUser, password);
  const readDriver = reader === null ? driver : createDriver(uri, reader.user, reader.password);
  // Both logins answer, or the start fails naming the one the server refused.
  const logins: [Driver, string][] = [[driver, config.neo4jUser]];
  if (reader !== null) logins.push([readDriver, reader.user]);
  const agents: string[] = [];
  for (const [each, user] of logins) {
    try {
      agents.push(await ping(each, config.neo4jDatabase));
    } catch (error) {
      await closeBoth(driver, readDriver);
      await engine?.stop();
      throw explain(error, uri, user, config);
    }
  }

  let closing: Promise<void> | null = null;
  return {
    driver,
    readDriver,
    readUser: reader?.user ?? null,
    readPassword: reader?.password ?? password,
    database: config.neo4jDatabase,
    engine,
    user: config.neo4jUser,
    password,
    serverAgent: agents[0]!,
    close() {
      closing ??= (async () => {
        try {
          await closeBoth(driver, readDriver);
        } finally {
          await engine?.stop();
        }
      })();
      return closing;
    },
  };
}

/**
 * The service's driver settings, in one place. A managed transaction is retried for at most 5 s
 * (the driver's default is 30 s): when the database is down, a GraphQL request answers
 * DATABASE_UNAVAILABLE within seconds instead of hanging, and the next request tries afresh.
 */
export function createDriver(uri: string, user: string, password: string): Driver {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    userAgent: 'plan-graph',
    connectionTimeout: 15_000,
    maxTransactionRetryTime: 5_000,
    // Integers decode as JavaScript numbers, not Integer objects that toPlain (database.ts) then
    // turns into numbers: offsets, counts and numbers here are far below 2^53.
    disableLosslessIntegers: true,
  });
  // A worker thread opens its own driver as the same user (logins.ts).
  return rememberLogin(driver, { uri, user, password });
}

/**
 * One auto-commit `RETURN 1` on `database`: proof that the server answers queries there. Unlike
 * executeQuery it is not retried, so an unreachable server fails in seconds, not after 30 s of
 * retries. Returns the server's agent string ("Neo4j/5.26.30").
 */
export async function ping(driver: Driver, database: string): Promise<string> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run('RETURN 1');
    return result.summary.server.agent ?? 'Neo4j';
  } finally {
    await session.close();
  }
}

/**
 * The liveness check of the embedded engine: `RETURN 1` over Bolt on a driver of its own (the
 * API's pool is never held up by it). A Neo4j error is an answer, so it passes: a locked-out
 * login, say, is the engine speaking. A check that failed leaves its driver behind (closed in
 * the background), so a connection stuck on a hung engine is never reused.
 */
function boltCheck(user: string, password: string, database: string): (uri: string) => Promise<void> {
  let driver: Driver | null = null;
  let driverUri = '';
  return async (uri) => {
    if (driver === null || driverUri !== uri) {
      void driver?.close().catch(() => {});
      driver = createDriver(uri, user, password);
      driverUri = uri;
    }
    const used = driver;
    try {
      await ping(used, database);
    } catch (error) {
      if (error instanceof Neo4jError && error.code.startsWith('Neo.')) return;
      if (driver === used) driver = null;
      void used.close().catch(() => {});
      throw error;
    }
  };
}

async function closeBoth(driver: Driver, readDriver: Driver): Promise<void> {
  await Promise.all(
    [driver.close(), readDriver === driver ? null : readDriver.close()].map((p) => p?.catch(() => {})),
  );
}

function explain(error: unknown, uri: string, user: string, config: ConnectionConfig): ConnectError {
  const code = error instanceof Neo4jError ? error.code : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (
    code === 'Neo.ClientError.Security.Unauthorized' ||
    code === 'Neo.ClientError.Security.AuthenticationRateLimit'
  ) {
    return new ConnectError(
      'UNAUTHORIZED',
      `Neo4j at ${uri} refused user "${user}": check ${
        user === config.neo4jUser
          ? 'NEO4J_USER and NEO4J_PASSWORD'
          : 'NEO4J_READ_USER and NEO4J_READ_PASSWORD'
      } (${detail})`,
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new ConnectError(
      'NO_SUCH_DATABASE',
      `Neo4j at ${uri} has no database "${config.neo4jDatabase}": check NEO4J_DATABASE (Community edition has only "neo4j")`,
      { cause: error },
    );
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new ConnectError(
      'UNREACHABLE',
      `cannot reach Neo4j at ${uri}: is it running, and is NEO4J_URI right? (${detail})`,
      { cause: error },
    );
  }
  return new ConnectError('FAILED', `connecting to Neo4j at ${uri} failed: ${detail}`, { cause: error });
}
