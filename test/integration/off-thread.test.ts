/**
 * compare and the exports read, decode and write in worker threads over drivers of their own
 * (src/api/compare/compare-task.ts, src/api/export/page-task.ts), logged in as the reads are
 * (src/db/logins.ts). Where no login is known they run on the main thread instead: both ways must
 * give the same answer and the same bytes, and a worker's failures must reach the caller as the
 * errors the main thread would have thrown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { DatabaseError } from '../../src/db/errors.ts';
import { readLoginOf, type WorkerLogin } from '../../src/db/logins.ts';
import { closeAlignPool, compareOffLoop } from '../../src/api/compare/align-pool.ts';
import type { Side } from '../../src/api/compare/compare-task.ts';
import { graphmlKeys } from '../../src/api/export/attributes.ts';
import { bodyChunks, type Format } from '../../src/api/export/chunks.ts';
import { afterWrite, workerChunks } from '../../src/api/export/worker-chunks.ts';
import { emptyGraph, loadFiles, openTestDatabase, SECOND_PLAN, SEED } from '../support/graph.ts';

let db: Database;
let login: WorkerLogin;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED, SECOND_PLAN);
  login = readLoginOf(db)!;
});
afterAll(async () => {
  await closeAlignPool();
  await db.close();
});

async function side(planId: string): Promise<Side> {
  const [row] = await db.read<Side & Record<string, unknown>>('compare-side', { planId });
  return row!;
}

describe('compare in its worker', () => {
  it('answers as from sides read on the main thread', async () => {
    const plans = await db.read<{ node: { id: string } }>('plans-all');
    const [first, second] = plans.map((p) => p.node.id).sort();
    // A plan with itself (every task aligned) and with the other plan (tasks only on one side).
    for (const [a, b] of [
      [first!, first!],
      [first!, second!],
    ]) {
      const read = await compareOffLoop({ a: a!, b: b!, threshold: 0.5, login });
      const given = await compareOffLoop({
        a: a!,
        b: b!,
        threshold: 0.5,
        sides: [await side(a!), await side(b!)],
      });
      expect(read.answer).toEqual(given.answer);
      expect(read.versions).toEqual(given.versions);
      if (a === b) expect(read.answer.aligned.length).toBe((await side(a!)).tasks.length);
      else expect(read.answer.onlyInA.length + read.answer.onlyInB.length).toBeGreaterThan(0);
    }
  });

  it('names the plan it did not find, a first', async () => {
    await expect(compareOffLoop({ a: 'no-such-a', b: 'no-such-b', threshold: 0.5, login })).rejects.toThrow(
      'plan not found: "no-such-a"',
    );
  });
});

describe('an export in its worker', () => {
  const text = async (chunks: AsyncGenerator<string | Uint8Array>) => {
    const parts: Buffer[] = [];
    for await (const c of chunks) parts.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
    return Buffer.concat(parts);
  };
  const keys = async (planId: string | null) =>
    graphmlKeys(await db.read<{ owner: string; name: string; types: string[] }>('export-keys', { planId }));
  const none = () => Promise.resolve();

  for (const [planId, format] of [
    [null, 'graphml'],
    ['cast-2018', 'graphml'],
    [null, 'json'],
    ['cast-2018', 'json'],
  ] as [string | null, Format][]) {
    it(`writes the same bytes as the main thread: ${planId ?? 'all plans'} as ${format}`, async () => {
      const k = format === 'graphml' ? await keys(planId) : [];
      const here = await text(bodyChunks(db, planId, format, k));
      const there = await text(workerChunks(login, planId, format, k, Date.now() + 60_000, none));
      expect(there.length).toBeGreaterThan(10_000);
      expect(there.equals(here)).toBe(true);
    });
  }

  it('takes back each page once written, so its bytes leave the main thread at once', async () => {
    const chunks = workerChunks(login, null, 'json', [], Date.now() + 60_000, none);
    const sizes: number[] = [];
    const bytes: number[] = [];
    for await (const chunk of chunks) {
      bytes.push(chunk.byteLength);
      const release = afterWrite(chunk);
      expect(release).toBeTypeOf('function');
      release!();
      // Transferred back to its thread: detached here, its memory no longer the main thread's.
      sizes.push((chunk as Uint8Array).buffer.byteLength);
    }
    expect(bytes.length).toBeGreaterThan(1);
    expect(bytes.every((n) => n > 0)).toBe(true);
    expect(sizes.every((n) => n === 0)).toBe(true);
    expect(afterWrite('{"elements":')).toBeUndefined();
  });

  it('fails as a TIMEOUT DatabaseError when its deadline has passed before a read', async () => {
    const chunks = workerChunks(login, null, 'graphml', await keys(null), Date.now() - 1, none);
    const error = await chunks.next().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).code).toBe('TIMEOUT');
    expect((error as DatabaseError).message).toBe(
      "cypher/export-page.cypher not started: the request's time budget is spent",
    );
  });
});
