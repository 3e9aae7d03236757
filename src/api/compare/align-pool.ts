/**
 * compare off the event loop: its reads' decoding and its alignment. Aligning two plans costs time in proportion to the
 * product of their sizes (a 2,000-task plan against itself: ~25 s of CPU); on the event loop it
 * stalled every other request and /health, and no time budget could interrupt it. Here it runs in
 * a worker thread (piscina), at most `maxThreads` at once (others wait in piscina's queue), and a
 * request's deadline aborts it: piscina terminates the thread that runs an aborted task, so the
 * CPU is given back when the budget ends, not when the alignment would have.
 */
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { GraphQLError } from 'graphql';
import { currentDeadline } from '../../db/deadline.ts';
import { ErrorCode, NotFoundError } from '../errors.ts';
import { DatabaseError } from '../../db/errors.ts';
import { YOUNG_HEAP_MB } from '../worker-heap.ts';
import type { CompareResult, Comparison, CompareTask } from './compare-task.ts';

let pool: Piscina | null = null;

/**
 * The compare thread's old-generation heap, in MB. The largest compare the price allows
 * (GRAPHQL_MAX_COST, limits/work.ts: about 700 × 700 tasks) peaks near 60 MB of heap; the
 * thread also decodes both plans' rows (a 2,000-task plan with the seed: answered within it in
 * bench:hostile); the bound
 * keeps a thread's leftovers from adding to the service's resident memory past that, and a
 * compare that would need more ends TOO_EXPENSIVE instead of growing the process.
 */
export const ALIGN_HEAP_MB = 128;

function workers(): Piscina {
  pool ??= new Piscina({
    // From src/ (tsx: tests, npm run dev) the thread registers tsx first; from dist/ (npm start)
    // the compiled task module is the thread's entry as it is.
    filename: fileURLToPath(
      new URL(import.meta.url.endsWith('.ts') ? './align-worker.mjs' : './compare-task.js', import.meta.url),
    ),
    // One core of two for alignment: the database and the event loop keep the other.
    maxThreads: Math.max(1, Math.floor(availableParallelism() / 2)),
    // One thread kept started: a thread's start (the TypeScript loader, the segmenter's
    // dictionary) takes seconds, which a compare should not wait for; a thread stopped by a
    // deadline is replaced at once.
    minThreads: 1,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: ALIGN_HEAP_MB, maxYoungGenerationSizeMb: YOUNG_HEAP_MB },
  });
  return pool;
}

/** Starts the worker thread ahead of the first compare (the service's start). */
export function warmAlignPool(): void {
  workers();
}

export class AlignmentTimeoutError extends GraphQLError {
  constructor(ms: number) {
    super(
      `The alignment of the two plans did not finish within the ${ms} ms left of the request's time budget; ` +
        'compare smaller plans, or raise REQUEST_TIMEOUT_MS.',
      { extensions: { code: ErrorCode.REQUEST_TIMEOUT } },
    );
  }
}

export class AlignmentMemoryError extends GraphQLError {
  constructor() {
    super(
      `The alignment of the two plans needed more than the ${ALIGN_HEAP_MB} MB of memory it is given; ` +
        'compare smaller plans.',
      { extensions: { code: ErrorCode.TOO_EXPENSIVE } },
    );
  }
}

/**
 * compare(task.a, task.b) in a worker, stopped at the deadline of the request in progress: the
 * answer, and the graph's version each side was read at.
 */
export async function compareOffLoop(
  task: Omit<CompareTask, 'deadline'>,
  deadline = currentDeadline(),
): Promise<{ answer: Comparison; versions: readonly [string | null, string | null] }> {
  const left = deadline === undefined ? 60_000 : deadline - Date.now();
  if (left <= 0) throw new AlignmentTimeoutError(0);
  const signal = AbortSignal.timeout(left);
  let result: CompareResult;
  try {
    result = await workers().run({ ...task, deadline } satisfies CompareTask, { signal });
  } catch (error) {
    if (signal.aborted) throw new AlignmentTimeoutError(left);
    // The thread ran out of its heap (ALIGN_HEAP_MB) and was stopped; piscina starts another.
    if ((error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') throw new AlignmentMemoryError();
    throw error;
  }
  if ('notFound' in result) throw new NotFoundError('plan', result.notFound);
  if ('databaseError' in result) {
    const { code, message, cause } = result.databaseError;
    throw new DatabaseError(code, message, cause === undefined ? undefined : { cause });
  }
  return result;
}

/** Stops the worker threads (the service's shutdown; tests). */
export async function closeAlignPool(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.destroy();
}
