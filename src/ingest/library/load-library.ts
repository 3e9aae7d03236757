/**
 * A library of plan files into the graph: `jobs` worker threads parse ahead (pool.ts) while this
 * thread writes, file by file in the order given, BATCH_PLANS plans to a write transaction
 * (loadPlanBatch: batched UNWIND statements; each plan all or nothing, a failed batch written
 * again plan by plan). What one file does — refused, unreadable, failed to write — is its result
 * line; the others go on.
 *
 * Skipped without writing: a file whose bytes (sha256) the graph already holds as a plan by this
 * loader version, and a file with the same bytes as an earlier file of the same run. A file with
 * other bytes but the plan id of an earlier file is refused (PLAN_ID_CLASH): one plan per id.
 * Writes stay on one thread: plans share Department, Concept and Document nodes, and concurrent
 * transactions MERGE-ing them would wait on each other's locks.
 */
import type { Database } from '../../db/database.ts';
import { type CheckedBatch, checkBatch, type LoadStep, writeBatch } from '../load/load.ts';
import type { PlanModel } from '../model.ts';
import { ensureSchema } from '../load/schema.ts';
import { LOADER_VERSION } from '../load/version.ts';
import type { FileResult, ReadOptions } from './read.ts';
import { parsePool } from './pool.ts';
import { rememberWords } from '../semantics/align.ts';
import type { ParsedFile } from './parse-task.ts';

export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly loaded: number;
  readonly elapsedMs: number;
}

export interface LibraryOptions extends ReadOptions {
  /** Parse threads. */
  readonly jobs: number;
  readonly force?: boolean;
  /** Called after each file (parsed, and written or skipped). */
  readonly onProgress?: (progress: Progress) => void;
}

/** Where a file's time went: the benchmark's profile (parse in a worker, align and write here). */
export interface FileTiming {
  readonly file: string;
  readonly parseMs: number;
  /** The whole write transaction (align included); 0 when nothing was written. */
  readonly writeMs: number;
  /** Alignment: candidates read through the index, then aligned (overlaps the other steps on the server). */
  readonly alignMs: number;
  /** Each step of the write (ms), in the order they ran; the sha256 check as `held`. */
  readonly steps: Readonly<Record<string, number>>;
}

export interface LibraryLoad {
  readonly results: FileResult[];
  readonly timings: FileTiming[];
  readonly elapsedMs: number;
}

/** How many files are parsed ahead of the writer, per thread: enough to keep it busy, not every model in memory. */
const AHEAD_PER_JOB = 2;
/**
 * Plans written in one transaction (loadPlanBatch): a commit costs the engine more than a plan's
 * statements, so fewer commits is most of what makes a library load fast; each plan stays all or
 * nothing, and a batch that fails is written again plan by plan.
 */
const BATCH_PLANS = 8;

/** Parses every file and, given a database, loads each plan read; never throws for one file's fault. */
export async function loadLibrary(
  db: Database | null,
  files: readonly string[],
  options: LibraryOptions,
): Promise<LibraryLoad> {
  const started = performance.now();
  if (db !== null) await ensureSchema(db);
  const pool = parsePool(Math.max(1, options.jobs));
  const read: ReadOptions = options.partial ? { partial: true } : {};
  const pending: (Promise<ParsedFile> | undefined)[] = [];
  // The workers parse the next batch while this one is written: two batches ahead, as one is
  // gathered and checked while the one before it writes.
  const window = Math.max(1, options.jobs) * AHEAD_PER_JOB + 2 * BATCH_PLANS;
  let next = 0;
  const fill = (done: number) => {
    for (; next < files.length && next < done + window; next += 1) {
      const file = files[next]!;
      pending[next] = pool.parse({ file, options: read }).catch((error: unknown): ParsedFile => ({
        // A worker that died (out of memory, a crash in the parser) is this file's outcome.
        result: {
          file,
          verdict: 'unreadable',
          planId: null,
          tasks: 0,
          leads: 0,
          participants: 0,
          warnings: 0,
          code: null,
          detail: error instanceof Error ? error.message : String(error),
        },
        model: null,
        parseMs: 0,
        words: [],
      }));
    }
  };
  const results: FileResult[] = [];
  const timings: FileTiming[] = [];
  const fileOfBytes = new Map<string, FileResult>();
  const fileOfId = new Map<string, string>();
  let loaded = 0;
  let done = 0;
  const progress = () =>
    options.onProgress?.({ done, total: files.length, loaded, elapsedMs: performance.now() - started });
  // Plans read and checked, waiting to be written together (checkBatch, writeBatch).
  let batch: Waiting[] = [];
  // The write of the batch before (never rejects): the next batch is read and checked meanwhile.
  let writing: Promise<void> = Promise.resolve();
  /**
   * Starts the batch: its reads (held bytes, plan states) and rows at once, its write when the
   * batch before has committed; returns once that one has, so at most one batch writes while the
   * next is gathered. The reads may go before the commit: they look only at this batch's own
   * bytes and plan ids, which no earlier batch holds (fileOfBytes and fileOfId keep every file of
   * the run with the same bytes or plan id out of the batches). The alignment may not: its
   * candidates query must see the plans of the batch before.
   */
  const flush = async () => {
    if (db === null || batch.length === 0) return;
    const all = batch;
    batch = [];
    const checked = check(db, all);
    checked.catch(() => undefined);
    const previous = writing;
    writing = (async () => {
      await previous;
      try {
        await write(db, all, await checked);
      } catch (error) {
        // Not expected (check and writeBatch report per file): the files left say why.
        const left = all.filter((w) => w.result.load === undefined);
        for (const w of left) {
          w.result.load = 'failed';
          w.result.loadDetail = describe(error);
        }
        done += left.length;
        progress();
      }
    })();
    await previous;
  };
  /** What the graph holds of the batch: files whose bytes it holds are skipped, the others checked. */
  const check = async (db: Database, all: Waiting[]): Promise<CheckedBatch | null> => {
    const t0 = performance.now();
    let held: Map<string, string>;
    try {
      held = options.force
        ? new Map()
        : await heldBytes(
            db,
            all.map((w) => w.result.sha256 ?? ''),
          );
    } catch (error) {
      for (const w of all) {
        w.result.load = 'failed';
        w.result.loadDetail = describe(error);
      }
      return null;
    }
    for (const w of all) if (held.has(w.result.sha256 ?? '')) w.result.load = 'unchanged';
    const waiting = all.filter((w) => w.result.load === undefined);
    const checked =
      waiting.length === 0
        ? null
        : await checkBatch(
            db,
            waiting.map((w) => w.model),
            options.force ?? false,
          );
    const heldMs = (performance.now() - t0) / all.length;
    for (const w of all) w.steps['held'] = heldMs;
    return checked;
  };
  /** Writes the plans `check` let through, once the batch before has committed. */
  const write = async (db: Database, all: Waiting[], checked: CheckedBatch | null) => {
    for (const w of all) {
      // As loadPlan's own skip: "unchanged" says the graph holds these bytes already.
      if (w.result.load !== undefined) timings[w.index] = { ...timings[w.index]!, writeMs: w.steps['held']! };
    }
    const waiting = all.filter((w) => w.result.load === undefined);
    done += all.length - waiting.length;
    if (checked === null || waiting.length === 0) {
      progress();
      return;
    }
    const started = performance.now();
    // Answers come back in the order sent, plan after plan: each step's time runs from the answer before it.
    let before = started;
    const outcomes = await writeBatch(db, checked, {
      force: options.force ?? false,
      onStep: (index: number, step: LoadStep) => {
        const now = performance.now();
        waiting[index]!.steps[step] = now - before;
        before = now;
      },
    });
    const ms = performance.now() - started;
    const stepsMs = waiting.reduce((sum, w) => sum + stepSum(w.steps) - w.steps['held']!, 0);
    for (const [k, w] of waiting.entries()) {
      const outcome = outcomes[k]!;
      let alignMs = 0;
      if (outcome.ok) {
        w.result.load = outcome.result.status === 'loaded' ? 'loaded' : 'unchanged';
        if (outcome.result.status === 'loaded') {
          loaded += 1;
          alignMs = outcome.result.alignMs;
        }
      } else {
        w.result.load = 'failed';
        w.result.loadDetail = describe(outcome.error);
      }
      // The commit, and what no step accounts for, shared evenly by the plans of the batch.
      const writeMs = stepSum(w.steps) + Math.max(0, ms - stepsMs) / waiting.length;
      timings[w.index] = { file: w.result.file, parseMs: w.parseMs, writeMs, alignMs, steps: w.steps };
    }
    done += waiting.length;
    progress();
  };
  try {
    for (let i = 0; i < files.length; i += 1) {
      fill(i);
      const { result, model, parseMs, words } = await pending[i]!;
      rememberWords(words);
      pending[i] = undefined;
      results.push(result);
      const steps: Record<string, number> = {};
      timings.push({ file: result.file, parseMs, writeMs: 0, alignMs: 0, steps });
      if (model !== null) {
        const sameBytes = result.sha256 ? fileOfBytes.get(result.sha256) : undefined;
        const sameId = fileOfId.get(model.id);
        if (sameBytes !== undefined) {
          result.load = db === null ? undefined : 'unchanged';
          result.loadDetail = `same bytes as ${sameBytes.file} (plan ${sameBytes.planId})`;
        } else if (sameId !== undefined) {
          result.sameIdAs = sameId;
          if (db !== null) {
            result.load = 'failed';
            result.loadDetail = `PLAN_ID_CLASH: ${sameId} gives the same plan id ${model.id}`;
          }
        }
        if (result.sha256 && sameBytes === undefined) fileOfBytes.set(result.sha256, result);
        if (sameId === undefined && sameBytes === undefined) fileOfId.set(model.id, result.file);
        if (db !== null && result.load === undefined) {
          batch.push({ index: i, result, model, parseMs, steps });
          if (batch.length >= BATCH_PLANS) await flush();
          continue;
        }
      }
      done += 1;
      progress();
    }
    await flush();
  } finally {
    // The last batch's write (and, when the run stopped on an error, the one it had started).
    await writing;
    await pool.close();
  }
  return { results, timings, elapsedMs: performance.now() - started };
}

/** A plan read and checked, waiting in the batch for its write. */
interface Waiting {
  /** Its file's place in the run. */
  readonly index: number;
  readonly result: FileResult;
  readonly model: PlanModel;
  readonly parseMs: number;
  readonly steps: Record<string, number>;
}

const stepSum = (steps: Readonly<Record<string, number>>) => Object.values(steps).reduce((a, b) => a + b, 0);

/** A load error as a report line: its code first, when it has one. */
function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.startsWith(code) ? `${code}: ${message}` : message;
}

/** Of these byte hashes, those the graph holds as a plan by this loader version, with that plan's id. */
async function heldBytes(db: Database, sha256s: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.read<{ sha256: string; planId: string; loaderVersion: string }>(
    'load-plans-by-sha256',
    {
      sha256s: [...sha256s],
    },
  );
  return new Map(rows.filter((r) => r.loaderVersion === LOADER_VERSION).map((r) => [r.sha256, r.planId]));
}
