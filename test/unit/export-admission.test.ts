/**
 * Exports are heavy work: each streams only in a slot of the admission's heavy lane, the one
 * expensive operations use, and one that gets no slot in time is 429 SERVICE_BUSY with
 * Retry-After before any read. The database is a stand-in (as in export-interrupted.test.ts);
 * test/hostile/attacker.test.ts runs the same limits against the real engine.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { Admission } from '../../src/api/admission.ts';
import { exportRouter } from '../../src/api/export/router.ts';
import type { Database } from '../../src/db/database.ts';

const reads: string[] = [];
/** The heavy slots in use at each read, when a test watches an admission. */
const heavyAtRead: number[] = [];
let watched: Admission | null = null;
const db = {
  read: async (name: string) => {
    reads.push(name);
    if (watched !== null) heavyAtRead.push(watched.saturation().running.heavy);
    if (name === 'plans-all') return [{ node: { id: 'p', labels: ['Plan'], title: 'P', sha256: 'a' } }];
    if (name === 'export-page')
      return [{ node: { id: 'p/task-1', labels: ['Task'], number: 1, title: 'T', planId: 'p' }, edges: [] }];
    return [];
  },
} as unknown as Database;

const lanes = { perClient: 2, light: 2, heavy: 1, heavyPrice: 2_000, maxWaitMs: 150, queuePerClient: 4 };

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  reads.length = 0;
  heavyAtRead.length = 0;
  watched = null;
});

async function serve(admission: Admission): Promise<string> {
  const server = express()
    .use(exportRouter(db, { maxConcurrent: 4, timeoutMs: 60_000 }, admission))
    .listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  close = () => server.close();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('exports in the heavy lane', () => {
  it('an export that finds the heavy lane taken past maxWaitMs is 429 SERVICE_BUSY, with nothing read', async () => {
    const admission = new Admission(lanes);
    const url = await serve(admission);
    const compare = await admission.acquire('another client', 'heavy', undefined);
    const res = await fetch(`${url}/plans/p/graph.json`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toEqual({
      code: 'SERVICE_BUSY',
      message:
        'The service is busy: no slot for expensive operations came free within 150 ms. Try again in 1 s.',
    });
    expect(reads).toEqual([]);
    compare();
    const after = await fetch(`${url}/plans/p/graph.json`);
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ elements: { nodes: [{ data: { id: 'p/task-1' } }] } });
  });

  it('holds the heavy slot while it streams and gives it back when it ends', async () => {
    const admission = new Admission(lanes);
    watched = admission;
    const url = await serve(admission);
    const res = await fetch(`${url}/plans/p/graph.graphml`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<node id="p/task-1">');
    expect(reads).toEqual(['plans-all', 'export-keys', 'export-shared', 'export-page', 'plans-all']);
    expect(heavyAtRead).toEqual([1, 1, 1, 1, 1]);
    expect(admission.saturation()).toMatchObject({ running: { light: 0, heavy: 0 }, clients: 0 });
    // A cheap question meanwhile never needed the heavy lane.
    expect((await admission.acquire('x', 'light', undefined))()).toBeUndefined();
  });
});
