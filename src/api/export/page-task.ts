/**
 * An export's worker thread: reads the graph page by page over its own driver (logged in as the
 * service's reader, src/db/logins.ts), writes each page as GraphML or JSON text and hands it to the
 * main thread as UTF-8 bytes (a transferred buffer: no copy, no encoding on the main thread).
 * Decoding a page of 500 nodes and serialising it held the main thread for tens of milliseconds a
 * page, and every small question waited behind it (bench/RESULTS.md, availability).
 *
 * The main thread pulls: each 'next' message gets one chunk back, `{ done: true }` at the end, or
 * `{ error }` (a DatabaseError's code and message: a thrown error would lose its class crossing
 * threads). So the thread holds one page at most, reads nothing while the main thread lets cheap
 * questions go first, and runs at a low OS priority (compare/low-priority.ts).
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadCatalog } from '../../db/catalog.ts';
import { createDriver } from '../../db/connect.ts';
import { Database } from '../../db/database.ts';
import { withDeadline } from '../../db/deadline.ts';
import { DatabaseError } from '../../db/errors.ts';
import type { WorkerLogin } from '../../db/logins.ts';
import { lowerThisThread } from '../compare/low-priority.ts';
import type { GraphMLKey } from './attributes.ts';
import { bodyChunks, type Format } from './chunks.ts';

/** What the thread is started with. */
export interface PageTask {
  readonly export: true;
  readonly login: WorkerLogin;
  readonly planId: string | null;
  readonly format: Format;
  readonly keys: readonly GraphMLKey[];
  /** The export's deadline (epoch ms): every read gets no longer than what is left. */
  readonly deadline: number;
}

export type PageMessage =
  | { readonly chunk: Uint8Array }
  | { readonly done: true }
  | {
      readonly error: {
        readonly code: DatabaseError['code'] | null;
        readonly message: string;
        readonly cause: { readonly code?: unknown; readonly message?: unknown } | undefined;
      };
    };

function run(task: PageTask): void {
  const port = parentPort!;
  const db = new Database(
    createDriver(task.login.uri, task.login.user, task.login.password),
    task.login.database,
    loadCatalog(),
    { readTimeoutMs: task.login.readTimeoutMs },
  );
  const chunks = withDeadline(task.deadline, () => bodyChunks(db, task.planId, task.format, task.keys));
  const encoder = new TextEncoder();
  let busy = Promise.resolve();
  port.on('message', (request: 'next' | { release: ArrayBuffer }) => {
    // A page the main thread has written comes back to be freed here (worker-chunks.ts, afterWrite).
    if (request !== 'next') return;
    busy = busy.then(async () => {
      let message: PageMessage;
      try {
        const next = await withDeadline(task.deadline, () => chunks.next());
        message = next.done ? { done: true } : { chunk: encoder.encode(next.value) };
      } catch (error) {
        const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
        message = {
          error: {
            code: error instanceof DatabaseError ? error.code : null,
            message: error instanceof Error ? error.message : String(error),
            cause: cause === undefined ? undefined : { code: cause.code, message: cause.message },
          },
        };
      }
      port.postMessage(message, 'chunk' in message ? [message.chunk.buffer as ArrayBuffer] : []);
      if (!('chunk' in message)) await db.close().catch(() => undefined);
    });
  });
}

if (!isMainThread && (workerData as Partial<PageTask> | null)?.export === true) {
  lowerThisThread();
  run(workerData as PageTask);
}
