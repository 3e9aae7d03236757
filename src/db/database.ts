/**
 * The one door to Neo4j. Every statement the service runs passes through here: it names a file of
 * the Cypher catalog, its parameters go as parameters, reads run in read transactions and writes
 * in write transactions, sessions close in `finally`, driver errors become DatabaseErrors, and
 * every round trip is counted (tests assert batching with the count).
 */
import neo4j, { type Driver, type ManagedTransaction, isInt } from 'neo4j-driver';
import { type CypherCatalog, statement } from './catalog.ts';
import { currentDeadline } from './deadline.ts';
import { DatabaseError, mapDriverError } from './errors.ts';
import { answerWithin, NO_ANSWER_GRACE_MS } from './no-answer.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** A write transaction that can only run catalog statements. */
export interface WriteTx {
  run(name: string, params?: Params): Promise<Row[]>;
}

export interface QueryEvent {
  readonly name: string;
  readonly mode: 'READ' | 'WRITE';
}

/**
 * Neo4j values → plain JSON-like values (integers as numbers: offsets and counts are small; the
 * service's drivers decode them as numbers already, connect.ts). Maps and lists the driver has
 * just decoded belong to this result alone, so they are converted in place rather than copied:
 * a row of a hundred maps costs no second hundred objects. Driver objects (a Node, a
 * Relationship, a temporal value) become plain objects of their fields.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') value[i] = toPlain(item);
    }
    return value;
  }
  if (isInt(value)) return (value as { toNumber(): number }).toNumber();
  const map = value as Row;
  if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const key in map) {
      const item = map[key];
      if (item !== null && typeof item === 'object') map[key] = toPlain(item);
    }
    return map;
  }
  const out: Row = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}

/**
 * JavaScript numbers → Cypher values: whole numbers go as Cypher integers (the driver would send
 * every number as a float, and LIMIT, SKIP, list slices and integer properties need integers).
 */
export function toCypher(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toCypher);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Row = {};
    for (const [k, v] of Object.entries(value)) out[k] = toCypher(v);
    return out;
  }
  return value;
}

/**
 * Runs `start` with V8's stack capture off. The driver makes every result with `new Error('')`
 * and reads its `.stack` at once (to graft the caller's frames onto a later failure): V8 then
 * walks and formats the stack, about 1 % of the service's CPU under the benchmark's mix, for a
 * trace that is only read when a statement fails — and a failure here becomes a DatabaseError
 * (mapDriverError) made with its own stack, at the call site that names the statement.
 */
function withoutStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export interface DatabaseOptions {
  /**
   * Neo4j transaction timeout of every read, in ms (default 10 s). Inside a request with a
   * deadline (deadline.ts) a read gets the shorter of this and the time left.
   */
  readonly readTimeoutMs?: number;
  /**
   * The driver reads go through: a user who may only read (connect.ts), so a read path that tried
   * to write would be refused by the server whatever the transaction's mode. Default: `driver`.
   */
  readonly readDriver?: Driver;
}

export const DEFAULT_READ_TIMEOUT_MS = 10_000;

export class Database {
  /** Round trips since start (or the last reset). */
  private count = 0;
  private readonly listeners = new Set<(event: QueryEvent) => void>();
  private readonly commitListeners = new Set<() => void>();
  readonly readTimeoutMs: number;
  /** Reads' driver (DatabaseOptions.readDriver); `driver` is the writer's. */
  readonly readDriver: Driver;

  constructor(
    readonly driver: Driver,
    readonly databaseName: string,
    readonly catalog: CypherCatalog,
    options: DatabaseOptions = {},
  ) {
    this.readTimeoutMs = options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
    this.readDriver = options.readDriver ?? driver;
  }

  /** The transaction timeout of a read starting now: the read timeout, cut to the request's deadline. */
  private readTimeout(name: string): number {
    const deadline = currentDeadline();
    if (deadline === undefined) return this.readTimeoutMs;
    const left = Math.floor(deadline - Date.now());
    if (left <= 0) {
      throw new DatabaseError(
        'TIMEOUT',
        `cypher/${name}.cypher not started: the request's time budget is spent`,
      );
    }
    return Math.min(this.readTimeoutMs, left);
  }

  get roundTrips(): number {
    return this.count;
  }

  /** Calls `listener` for every statement run; returns the unsubscribe function. */
  onQuery(listener: (event: QueryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` after every write transaction of this process commits; returns the unsubscribe function. */
  onCommit(listener: () => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  private note(name: string, mode: QueryEvent['mode']): void {
    this.count += 1;
    for (const listener of this.listeners) listener({ name, mode });
  }

  private static async runIn(tx: ManagedTransaction, text: string, params: Params): Promise<Row[]> {
    const result = await tx.run(text, toCypher(params) as Params);
    return result.records.map((record) => toPlain(record.toObject()) as Row);
  }

  /**
   * Runs one catalog statement in a read transaction: an auto-commit transaction of a READ session
   * (the server refuses writes in it). One round trip: RUN and PULL go together, where a managed
   * transaction (`executeRead`) adds BEGIN and a COMMIT round trip to every statement — a third of
   * the socket writes of a request that runs one statement. What it gives up is the driver's retry
   * of transient failures, which reads of a single server do not meet. `counted: false` leaves it
   * out of the round trips and query events: the service's own bookkeeping (the cost model's graph
   * size, read at most every 30 s), not work a client asked for.
   */
  async read<R extends Row = Row>(
    name: string,
    params: Params = {},
    { counted = true }: { counted?: boolean } = {},
  ): Promise<R[]> {
    const { text } = statement(this.catalog, name);
    const timeout = this.readTimeout(name);
    const session = this.readDriver.session({
      database: this.databaseName,
      defaultAccessMode: neo4j.session.READ,
    });
    let abandoned = false;
    try {
      if (counted) this.note(name, 'READ');
      const run = withoutStackCapture(() => session.run(text, toCypher(params) as Params, { timeout }));
      const result = await answerWithin(run, timeout + NO_ANSWER_GRACE_MS, name, () => {
        abandoned = true;
      });
      return result.records.map((record) => toPlain(record.toObject()) as R);
    } catch (error) {
      throw mapDriverError(error, name);
    } finally {
      // A session whose server never answered cannot close cleanly either: let it go in the
      // background (its socket fails when the engine is killed), and answer now.
      if (abandoned) void session.close().catch(() => undefined);
      else await session.close();
    }
  }

  /** Runs `work` in one write transaction: all of it commits, or none of it. */
  async write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.databaseName,
      defaultAccessMode: neo4j.session.WRITE,
    });
    let current = '(transaction)';
    try {
      const result = await session.executeWrite((tx) =>
        work({
          run: async (name, params = {}) => {
            current = name;
            const { text } = statement(this.catalog, name);
            this.note(name, 'WRITE');
            return Database.runIn(tx, text, params);
          },
        }),
      );
      for (const listener of this.commitListeners) listener();
      return result;
    } catch (error) {
      throw mapDriverError(error, current);
    } finally {
      await session.close();
    }
  }

  /** Runs a schema statement (constraints, indexes): these cannot share a transaction with data writes. */
  async schema(name: string): Promise<void> {
    await this.write((tx) => tx.run(name));
  }

  /** Server agent and edition, for /ready and the logs. */
  async serverInfo(): Promise<{ agent: string; address: string }> {
    const info = await this.driver.getServerInfo({ database: this.databaseName });
    return { agent: info.agent ?? 'unknown', address: info.address ?? 'unknown' };
  }

  async close(): Promise<void> {
    await Promise.all([
      this.driver.close(),
      this.readDriver === this.driver ? null : this.readDriver.close(),
    ]);
  }
}
