/**
 * The main thread's side of an export's worker thread (page-task.ts): one thread per export,
 * pulled chunk by chunk, stopped when the export ends however it ends. A thread of its own rather
 * than a pool's: an export streams for seconds with the main thread between its chunks, and a
 * finished thread gives its heap back at once (20 exports at once must stay under 500 MB).
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { DatabaseError } from '../../db/errors.ts';
import type { WorkerLogin } from '../../db/logins.ts';
import { YOUNG_HEAP_MB } from '../worker-heap.ts';
import type { GraphMLKey } from './attributes.ts';
import type { Format } from './chunks.ts';
import type { PageMessage, PageTask } from './page-task.ts';

/**
 * The thread's old-generation heap, in MB: one page of 500 nodes with their edges, decoded and
 * written, needs a few MB; the bound keeps a thread from growing the service past that.
 */
export const EXPORT_HEAP_MB = 64;

const ENTRY = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? './page-worker.mjs' : './page-task.js', import.meta.url),
);

/**
 * What gives a chunk's memory back once the socket has taken it (see `afterWrite`). A page arrives
 * as a transferred buffer; left to the main thread, its bytes would live until a collection of the
 * main heap, which an export's few JavaScript objects seldom cause: two exports' pages piled up
 * ~80 MB of RSS before one did (bench/RESULTS.md, availability). Sent back to its thread, the
 * buffer leaves the main thread at once and the thread's small heap frees it within a page.
 */
const releases = new WeakMap<Uint8Array, () => void>();

/**
 * The callback for `res.write(chunk, callback)`: called when the socket has written the chunk, it
 * hands a worker page's buffer back to its thread. Undefined for any other chunk.
 */
export function afterWrite(chunk: string | Uint8Array): (() => void) | undefined {
  return typeof chunk === 'string' ? undefined : releases.get(chunk);
}

/** The next message of `worker`, or its failure (an error thrown, or an exit before answering). */
function reply(worker: Worker): Promise<PageMessage> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: PageMessage) => (done(), resolve(m));
    const onError = (e: Error) => (done(), reject(e));
    const onExit = (code: number) => (done(), reject(new Error(`the export's thread exited (${code})`)));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/** The export's body chunks, read and written in a worker thread; `pause` runs before each is asked for. */
export async function* workerChunks(
  login: WorkerLogin,
  planId: string | null,
  format: Format,
  keys: readonly GraphMLKey[],
  deadline: number,
  pause: () => Promise<void>,
): AsyncGenerator<Uint8Array> {
  const task: PageTask = { export: true, login, planId, format, keys, deadline };
  const worker = new Worker(ENTRY, {
    workerData: task,
    resourceLimits: { maxOldGenerationSizeMb: EXPORT_HEAP_MB, maxYoungGenerationSizeMb: YOUNG_HEAP_MB },
  });
  try {
    for (;;) {
      await pause();
      const answer = reply(worker);
      worker.postMessage('next');
      const message = await answer;
      if ('done' in message) return;
      if ('error' in message) {
        const { code, message: text, cause } = message.error;
        throw code === null
          ? new Error(text)
          : new DatabaseError(code, text, cause === undefined ? undefined : { cause });
      }
      const chunk = message.chunk;
      releases.set(chunk, () => {
        // After the export ended the thread is gone; the buffer is then simply left to the collector.
        if (chunk.buffer.byteLength > 0)
          worker.postMessage({ release: chunk.buffer }, [chunk.buffer as ArrayBuffer]);
      });
      yield chunk;
    }
  } finally {
    void worker.terminate();
  }
}
