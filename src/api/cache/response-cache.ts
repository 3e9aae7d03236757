/**
 * A response cache keyed by the request (its body's bytes, Accept and Content-Type: http/front.ts)
 * and the graph version.
 *
 * The graph changes only when a plan is loaded, and every load gives the graph a new version
 * inside its own write transaction (cypher/load-bump-version.cypher). With no window, every
 * request reads the version from the graph before it is answered, so no answer older than a
 * completed load is ever served, however many replicas of the service share the graph; concurrent
 * requests share version reads, but a request only ever joins a read that starts after it
 * arrived. With a window (the service's default, RESPONSE_CACHE_WINDOW_MS), one read serves every
 * request of the window, and an answer lags a load of another process by at most the window.
 *
 * Only successful answers (HTTP 200, no `errors`) to POSTed JSON are cached; everything else goes
 * to Apollo Server untouched. The cache sits in front of Express and Apollo (http/front.ts): a hit
 * costs reading the body, a lookup (and the version read, when the window has passed) and one write
 * of a prepared answer, no parse, validation or execution. Keys are the request's bytes as sent
 * (front.ts says which); answers are stored as the route sent them, headers included, on the way out.
 */
import type { Database } from '../../db/database.ts';

export interface ResponseCacheOptions {
  /** Most answers kept (least recently used go first). */
  readonly maxEntries: number;
  /** Longest request body (query + variables) worth caching, in characters. */
  readonly maxKeyLength: number;
  /** How long one version read is shared (VersionReader); 0: every request reads the version. */
  readonly versionWindowMs: number;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheOptions = {
  maxEntries: 1_000,
  maxKeyLength: 20_000,
  versionWindowMs: 0,
};

/**
 * Reads the graph's version, sharing reads between concurrent callers: a caller joins the next
 * read to start, never one already on its way (which may have been answered before a load it
 * must see).
 *
 * With a window (`windowMs` > 0) a version read is also shared by every request that arrives
 * within `windowMs` of the read's start: a cache hit then waits on nothing. The contract: a load
 * that another process commits is seen by every request that starts more than `windowMs` after
 * the commit (the window is the most an answer can lag a load). A load that this process commits
 * (Database.onCommit) is seen by the next request: the shared version is dropped at once.
 */
export class VersionReader {
  private running: Promise<string | null> | null = null;
  private queued: Promise<string | null> | null = null;
  /** The last version read, when its read started, and the commits of this process so far. */
  private known: { version: string | null; startedAt: number } | null = null;
  private commits = 0;

  constructor(
    private readonly db: Database,
    private readonly windowMs = 0,
  ) {
    if (windowMs > 0) {
      db.onCommit(() => {
        this.commits += 1;
        this.known = null;
      });
    }
  }

  /** The shared version when the window still holds it (no read, no promise); undefined otherwise. */
  peek(): string | null | undefined {
    if (this.known !== null && Date.now() - this.known.startedAt < this.windowMs) return this.known.version;
    return undefined;
  }

  read(): Promise<string | null> {
    const known = this.peek();
    if (known !== undefined) return Promise.resolve(known);
    if (this.running === null) return this.start();
    this.queued ??= this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.queued = null;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<string | null> {
    const startedAt = Date.now();
    const commits = this.commits;
    const read = this.db
      .read<{ version: string | null }>('graph-version')
      .then((rows) => rows[0]?.version ?? null);
    this.running = read;
    const clear = () => {
      if (this.running === read) this.running = null;
    };
    read.then((version) => {
      // A read that a commit of this process overtook may hold the version before it: not shared.
      if (this.windowMs > 0 && commits === this.commits) this.known = { version, startedAt };
      clear();
    }, clear);
    return read;
  }
}

/** A cached answer as it goes on the wire: status 200, these headers (flat name/value pairs), these bytes. */
export interface Answer {
  readonly head: readonly string[];
  readonly body: Buffer;
}

interface Entry extends Answer {
  readonly version: string;
}

/** Response headers that depend on the request, not the answer: set afresh for each hit (cors.ts). */
const PER_REQUEST = /^access-control-/;

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly reader: VersionReader;
  hits = 0;
  misses = 0;

  constructor(
    db: Database,
    readonly options: ResponseCacheOptions = DEFAULT_RESPONSE_CACHE,
  ) {
    this.reader = new VersionReader(db, options.versionWindowMs);
  }

  /** The graph version answers are keyed by now: at once inside the window, else after a read. */
  version(): string | null | Promise<string | null> {
    const known = this.reader.peek();
    return known === undefined ? this.reader.read() : known;
  }

  /** The answer kept for `key` under `version`, or undefined (a miss). */
  lookup(key: string, version: string): Answer | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.version !== version) {
      this.misses += 1;
      return undefined;
    }
    this.hits += 1;
    this.remember(key, entry);
    return entry;
  }

  /**
   * Keeps the answer the route sent for `key` under `version` (the front calls it with what it
   * wrote), if it is a complete success: status 200, `data`, no `errors`. Headers that depend on
   * the request (CORS) are dropped; each hit gets its own.
   */
  keep(key: string, version: string, status: number, head: readonly string[], body: string): void {
    if (status !== 200 || !succeeded(body)) return;
    const kept: string[] = [];
    for (let i = 0; i < head.length; i += 2) {
      if (!PER_REQUEST.test(head[i]!)) kept.push(head[i]!, head[i + 1]!);
    }
    this.remember(key, { version, head: kept, body: Buffer.from(body) });
  }

  private remember(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }
}

function succeeded(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return parsed.errors === undefined && parsed.data !== undefined && parsed.data !== null;
  } catch {
    return false;
  }
}
