/**
 * A response cache keyed by (document, operation name, variables, graph version).
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
 * to Apollo Server untouched. The cache sits in front of Apollo: a hit costs a lookup (and the version
 * read, when the window has passed), no parse, validation or execution.
 */
import type { NextFunction, Request, Response } from 'express';
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

  read(): Promise<string | null> {
    if (this.known !== null && Date.now() - this.known.startedAt < this.windowMs) {
      return Promise.resolve(this.known.version);
    }
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

interface Entry {
  readonly version: string;
  readonly body: string;
  readonly contentType: string;
}

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly version: VersionReader;
  hits = 0;
  misses = 0;

  constructor(
    db: Database,
    private readonly options: ResponseCacheOptions = DEFAULT_RESPONSE_CACHE,
  ) {
    this.version = new VersionReader(db, options.versionWindowMs);
  }

  /** The cache key of a request, or null when the request is not one to cache. */
  private keyOf(req: Request): string | null {
    if (req.method !== 'POST') return null;
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    if (body === null || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string') {
      return null;
    }
    // Apollo picks the response's media type by the Accept header: part of the key.
    const key = JSON.stringify([
      body.query,
      body.operationName ?? null,
      body.variables ?? null,
      req.headers.accept ?? null,
    ]);
    return key.length <= this.options.maxKeyLength ? key : null;
  }

  private remember(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  /** Express middleware for the GraphQL route; put it after `express.json()`, before Apollo. */
  middleware() {
    return async (req: Request, res: Response, next: NextFunction) => {
      const key = this.keyOf(req);
      if (key === null) return next();
      let version: string | null;
      try {
        version = await this.version.read();
      } catch {
        // No version, no cache: Apollo answers, and reports the database error in its own words.
        return next();
      }
      if (version === null) return next();
      const entry = this.entries.get(key);
      if (entry !== undefined && entry.version === version) {
        this.hits += 1;
        this.remember(key, entry);
        res.status(200).setHeader('content-type', entry.contentType);
        res.send(entry.body);
        return;
      }
      this.misses += 1;
      const send = res.send.bind(res);
      res.send = (body: unknown) => {
        if (res.statusCode === 200 && typeof body === 'string' && succeeded(body)) {
          const contentType = String(res.getHeader('content-type') ?? 'application/json; charset=utf-8');
          this.remember(key, { version, body, contentType });
        }
        return send(body);
      };
      next();
    };
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
