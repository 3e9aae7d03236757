/**
 * Exports at plain URLs, for tools that read files rather than GraphQL:
 *   GET /plans/:planId/graph.graphml   one plan as GraphML (Gephi, yEd, networkx)
 *   GET /plans/:planId/graph.json      one plan as Cytoscape.js JSON
 *   GET /plans/graph.graphml|json      every plan loaded, with the departments and concepts they share
 *
 * Any plan that loads can be exported: the graph is read in pages of PAGE_SIZE nodes (chunks.ts;
 * each page one read transaction, so no transaction holds the whole plan) and the answer is
 * written as the pages arrive. The pages are read and written in a worker thread of the export's
 * own (worker-chunks.ts), so the main thread only writes bytes to the socket. Pages are separate transactions: a plan reloaded during an export is detected
 * (its sha256 changes) and the export ends with an error rather than mixing two versions.
 *
 * An export is heavy work: it streams in the expensive slot of the admission (admission.ts), which
 * compares and other expensive operations take too, and lets cheap questions go first between
 * pages; at most `maxConcurrent` exports stream or wait for that slot, others get 429 at once.
 */
import { Router, type Request, type Response } from 'express';
import { type Admission, answeredSignal, BusyError } from '../admission.ts';
import type { Database } from '../../db/database.ts';
import { DatabaseError } from '../../db/errors.ts';
import { currentDeadline, withDeadline } from '../../db/deadline.ts';
import { readLoginOf } from '../../db/logins.ts';
import type { NodeRow } from '../../graph/rows.ts';
import { graphmlKeys } from './attributes.ts';
import { bodyChunks, type Format } from './chunks.ts';
import { escapeXml, GraphMLWriter } from './graphml.ts';
import { afterWrite, workerChunks } from './worker-chunks.ts';

const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Longest an export waits between two pages for cheap questions in flight to finish. */
const PAUSE_FOR_LIGHT_MS = 250;

/** Source hashes of the plans in the export: read before and after, they must agree. */
async function versions(db: Database, planId: string | null): Promise<string> {
  const plans = await db.read<{ node: NodeRow & { sha256?: string; loaderVersion?: string } }>('plans-all');
  return plans
    .filter((p) => planId === null || p.node.id === planId)
    .map((p) => `${p.node.id}@${p.node.sha256 ?? ''}/${p.node.loaderVersion ?? ''}`)
    .sort()
    .join(',');
}

/** Why an export stopped after its answer began: said in the answer itself (marker and trailer). */
class Interrupted extends Error {}

/**
 * Writes a chunk, waiting for the socket to drain; a client that went away ends the export, and so
 * does one that stops reading until the export's deadline: a stalled reader holds a slot no longer
 * than the budget.
 */
async function write(res: Response, chunk: string | Uint8Array): Promise<void> {
  if (res.destroyed) throw new Interrupted('the client closed the connection');
  const written = afterWrite(chunk);
  if (written === undefined ? res.write(chunk) : res.write(chunk, written)) return;
  const deadline = currentDeadline();
  let timer: NodeJS.Timeout | undefined;
  const drained = await new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => () => {
      clearTimeout(timer);
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.once('drain', onDrain);
    res.once('close', onClose);
    if (deadline !== undefined) timer = setTimeout(done(false), Math.max(0, deadline - Date.now()));
  });
  if (res.destroyed) throw new Interrupted('the client closed the connection');
  if (!drained) {
    // The reader stopped reading: nothing more can reach it, not even a marker.
    res.destroy();
    throw new Interrupted('the client stopped reading within the export’s time budget');
  }
}

/** The trailer that tells a reader whether the body it got is whole (announced in `Trailer`). */
const STATUS_TRAILER = 'Export-Status';

async function exportGraph(
  db: Database,
  res: Response,
  planId: string | null,
  format: Format,
  pause: () => Promise<void>,
): Promise<void> {
  const before = await versions(db, planId);
  if (planId !== null && before === '') {
    res.status(404).json({ code: 'NOT_FOUND', message: `plan not found: ${JSON.stringify(planId)}` });
    return;
  }
  const name = planId ?? 'all-plans';
  const keys =
    format === 'graphml'
      ? graphmlKeys(
          await db.read<{ owner: string; name: string; types: string[] }>('export-keys', { planId }),
        )
      : [];
  const graphml = new GraphMLWriter(keys);
  // The body's pages are read and written in a worker thread when one can log in as the reads do
  // (worker-chunks.ts), else here; the bytes are the same.
  const login = readLoginOf(db);
  const deadline = currentDeadline();
  const stream: AsyncGenerator<string | Uint8Array> =
    login !== null && deadline !== undefined
      ? workerChunks(login, planId, format, keys, deadline, pause)
      : bodyChunks(db, planId, format, keys, pause);
  try {
    // Nothing is sent before the first page is read, so a failing database still gets a clean 503.
    const next = await stream.next();
    res.setHeader('trailer', STATUS_TRAILER);
    if (format === 'graphml') {
      res.type('application/graphml+xml; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${name}.graphml"`);
      await write(res, graphml.header(name));
    } else {
      res.type('application/json; charset=utf-8');
      res.setHeader('content-disposition', `inline; filename="${name}.json"`);
      await write(res, '{"elements":{"nodes":[');
    }
    await finish(db, res, planId, format, graphml, before, stream, next);
  } finally {
    // However the export ended, its reader (a worker thread) stops.
    await stream.return(undefined);
  }
}

/** The body after its header, then the footer and trailer, or the interruption marker. */
async function finish(
  db: Database,
  res: Response,
  planId: string | null,
  format: Format,
  graphml: GraphMLWriter,
  before: string,
  stream: AsyncGenerator<string | Uint8Array>,
  first: IteratorResult<string | Uint8Array>,
): Promise<void> {
  const name = planId ?? 'all-plans';
  try {
    for (let next = first; !next.done; next = await stream.next()) await write(res, next.value);
    if ((await versions(db, planId)) !== before) {
      throw new Interrupted(`${name} was reloaded during the export; export it again`);
    }
  } catch (error) {
    // Headers are gone: the answer ends with a marker a reader can detect, and says why.
    const reason =
      error instanceof Interrupted
        ? error.message
        : error instanceof DatabaseError && error.code === 'TIMEOUT'
          ? 'the export ran out of its time budget'
          : 'the graph database failed during the export';
    if (!(error instanceof Interrupted)) console.error('[export] interrupted after the answer began:', error);
    if (res.destroyed) return;
    if (format === 'graphml')
      await write(res, `<!-- EXPORT INTERRUPTED: ${escapeXml(reason).replace(/--/g, '- -')} -->\n`);
    res.addTrailers({ [STATUS_TRAILER]: `interrupted; reason="${reason.replace(/["\\\r\n]/g, ' ')}"` });
    res.end();
    return;
  }
  await write(res, format === 'graphml' ? graphml.footer() : ']}}');
  res.addTrailers({ [STATUS_TRAILER]: 'complete' });
  res.end();
}

export interface ExportOptions {
  /**
   * Exports streaming or waiting for the heavy lane at once; more get 429 SERVICE_BUSY with
   * Retry-After at once.
   */
  readonly maxConcurrent: number;
  /** An export's own time budget, in ms (not the GraphQL request's): its reads stop by then. */
  readonly timeoutMs: number;
}

export const DEFAULT_EXPORTS: ExportOptions = { maxConcurrent: 2, timeoutMs: 120_000 };

/** What the database's failure before the answer began tells the client. */
function failure(error: unknown): { status: number; code: string; message: string } | null {
  if (!(error instanceof DatabaseError)) return null;
  const cause = (error.cause as { code?: unknown } | undefined)?.code;
  if (
    error.code === 'DATABASE_UNAVAILABLE' ||
    (typeof cause === 'string' && cause.startsWith('Neo.ClientError.Security.'))
  ) {
    return {
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'The graph database is unreachable right now; try again in a moment.',
    };
  }
  if (error.code === 'TIMEOUT') {
    return {
      status: 503,
      code: 'REQUEST_TIMEOUT',
      message: 'The export ran out of its time budget before it began.',
    };
  }
  return null;
}

/**
 * The export routes. With `admission`, an export is heavy work like an expensive operation: it
 * streams only in a slot of the heavy lane (admission.ts), so exports and compares take turns
 * and never the slots of cheap questions; one that gets no slot in time is 429 SERVICE_BUSY.
 */
export function exportRouter(
  db: Database,
  options: ExportOptions = DEFAULT_EXPORTS,
  admission?: Admission,
): Router {
  const router = Router();
  let running = 0;
  const handle = async (
    req: Request,
    res: Response,
    planId: string | null,
    format: string,
  ): Promise<void> => {
    if (format !== 'graphml' && format !== 'json') {
      res
        .status(404)
        .json({ code: 'NOT_FOUND', message: `unknown export format "${format}": expected graphml or json` });
      return;
    }
    // An export holds a database session and a socket for as long as it streams: only so many at once.
    if (running >= options.maxConcurrent) {
      res.setHeader('retry-after', '5');
      res.status(429).json({
        code: 'SERVICE_BUSY',
        message: `${options.maxConcurrent} exports are already streaming; try again in 5 s.`,
      });
      return;
    }
    running++;
    let release: (() => void) | null = null;
    try {
      const deadline = Date.now() + options.timeoutMs;
      if (admission !== undefined) {
        release = await admission.acquire(
          req.socket.remoteAddress ?? 'unknown',
          'heavy',
          deadline,
          answeredSignal(res),
        );
      }
      // Between pages the export lets cheap questions in flight finish first (at most 250 ms).
      const pause = () => admission?.lightDrained(PAUSE_FOR_LIGHT_MS) ?? Promise.resolve();
      await withDeadline(deadline, () => exportGraph(db, res, planId, format, pause));
    } catch (error) {
      if (error instanceof BusyError) {
        const seconds = String(error.extensions['retryAfter'] ?? 1);
        res.setHeader('retry-after', seconds);
        res.status(429).json({ code: 'SERVICE_BUSY', message: error.message });
        return;
      }
      if (res.writableEnded || res.destroyed) return;
      if (res.headersSent) {
        console.error('[export] failed after the answer began:', error);
        res.destroy(error as Error);
        return;
      }
      const known = failure(error);
      if (known !== null) {
        res.status(known.status).json({ code: known.code, message: known.message });
        return;
      }
      console.error('[export] internal error:', error);
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
    } finally {
      release?.();
      running--;
    }
  };
  router.get('/plans/graph.:format', (req, res) => handle(req, res, null, req.params.format));
  router.get('/plans/:planId/graph.:format', async (req, res) => {
    const { planId, format } = req.params;
    if (!PLAN_ID.test(planId)) {
      res.status(400).json({
        code: 'BAD_USER_INPUT',
        message: `expected a plan id such as "cast-2018", found ${JSON.stringify(planId)}`,
      });
      return;
    }
    await handle(req, res, planId, format);
  });
  return router;
}
