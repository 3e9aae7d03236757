/** The alignment worker's thread runs at a low OS priority (src/api/compare/low-priority.ts). */
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { LOW_PRIORITY, threadId } from '../../src/api/compare/low-priority.ts';

const linux = process.platform === 'linux';

describe.runIf(linux)('lowerThisThread', () => {
  it('names the main thread by the process id', () => {
    expect(threadId()).toBe(process.pid);
  });

  it('lowers a worker thread to niceness LOW_PRIORITY and leaves the main thread as it was', async () => {
    const before = getPriority(process.pid);
    const source = new URL('../../src/api/compare/low-priority.ts', import.meta.url).href;
    // The worker reports its thread id and that thread's niceness after lowering itself.
    const worker = new Worker(
      `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })
        .then(({ lowerThisThread }) => {
          const tid = lowerThisThread();
          require('node:worker_threads').parentPort.postMessage({ tid, nice: require('node:os').getPriority(tid) });
        });`,
      { eval: true },
    );
    const reply = await new Promise<{ tid: number | null; nice: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(reply.tid).not.toBeNull();
    expect(reply.tid).not.toBe(process.pid);
    expect(reply.nice).toBe(LOW_PRIORITY);
    expect(getPriority(process.pid)).toBe(before);
  });
});
