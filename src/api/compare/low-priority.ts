/**
 * Lowers the OS priority of the calling thread, so that a core goes to the event loop and the
 * engine first and to this thread's CPU-heavy work only when they leave it free. Linux applies
 * setpriority(2) per thread (the "process id" it takes is a thread id), and a worker thread finds
 * its own id in the /proc/thread-self link (`<pid>/task/<tid>`). Elsewhere, or where /proc is not
 * mounted, the thread keeps its priority: returns null then.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * The niceness given, as `nice -n 10` would: a thread of niceness 0 weighs about ten times as much
 * with the scheduler. Not 19 (a weight of 1.5 %): on a machine crowded by other processes the
 * thread then starved, and even a compare of a few tasks ran out of its time budget.
 */
export const LOW_PRIORITY = 10;

/** The calling thread's id, or null where the platform does not tell it. */
export function threadId(): number | null {
  try {
    const tid = Number(/\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** Lowers this thread (never the process's main thread: call it from a worker) to LOW_PRIORITY. */
export function lowerThisThread(): number | null {
  const tid = threadId();
  if (tid === null || tid === process.pid) return null;
  try {
    setPriority(tid, LOW_PRIORITY);
    return tid;
  } catch {
    return null;
  }
}
