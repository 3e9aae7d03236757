/**
 * A library of plan files into the graph: `jobs` worker threads parse ahead (pool.ts) while this
 * thread writes, file by file in the order given, each plan in its own write transaction
 * (loadPlan: batched UNWIND statements, all or nothing). What one file does — refused, unreadable,
 * failed to write — is its result line; the others go on.
 *
 * Skipped without writing: a file whose bytes (sha256) the graph already holds as a plan by this
 * loader version, and a file with the same bytes as an earlier file of the same run. A file with
 * other bytes but the plan id of an earlier file is refused (PLAN_ID_CLASH): one plan per id.
 * Writes stay on one thread: plans share Department, Concept and Document nodes, and concurrent
 * transactions MERGE-ing them would wait on each other's locks.
 */
import type { Database } from '../../db/database.ts';
import { loadPlan, type LoadStep } from '../load/load.ts';
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
  const window = Math.max(1, options.jobs) * AHEAD_PER_JOB + 1;
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
  try {
    for (let i = 0; i < files.length; i += 1) {
      fill(i);
      const { result, model, parseMs, words } = await pending[i]!;
      rememberWords(words);
      pending[i] = undefined;
      results.push(result);
      let writeMs = 0;
      let alignMs = 0;
      const steps: Record<string, number> = {};
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
          const t0 = performance.now();
          try {
            const held = options.force ? undefined : await heldBytes(db, result.sha256 ?? '');
            steps['held'] = performance.now() - t0;
            if (held !== undefined) {
              // As loadPlan's own skip: "unchanged" says the graph holds these bytes already.
              result.load = 'unchanged';
            } else {
              let before = performance.now();
              const outcome = await loadPlan(db, model, {
                force: options.force ?? false,
                schemaReady: true,
                onStep: (step: LoadStep) => {
                  const now = performance.now();
                  steps[step] = now - before;
                  before = now;
                },
              });
              result.load = outcome.status === 'loaded' ? 'loaded' : 'unchanged';
              if (outcome.status === 'loaded') {
                loaded += 1;
                alignMs = outcome.alignMs;
              }
            }
          } catch (error) {
            result.load = 'failed';
            const code = (error as { code?: unknown }).code;
            const message = error instanceof Error ? error.message : String(error);
            result.loadDetail =
              typeof code === 'string' && !message.startsWith(code) ? `${code}: ${message}` : message;
          }
          writeMs = performance.now() - t0;
        }
      }
      timings.push({ file: result.file, parseMs, writeMs, alignMs, steps });
      options.onProgress?.({
        done: i + 1,
        total: files.length,
        loaded,
        elapsedMs: performance.now() - started,
      });
    }
  } finally {
    await pool.close();
  }
  return { results, timings, elapsedMs: performance.now() - started };
}

/** The plan the graph holds from these bytes by this loader version, if any. */
async function heldBytes(db: Database, sha256: string): Promise<string | undefined> {
  const [row] = await db.read<{ planId: string; loaderVersion: string }>('load-plan-by-sha256', { sha256 });
  return row && row.loaderVersion === LOADER_VERSION ? row.planId : undefined;
}
