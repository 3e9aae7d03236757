/**
 * A library loaded at once (`npm run load -- DIR`): a generated library of ten plans, a file the
 * parser refuses and a byte-for-byte copy of one plan, loaded through the CLI with parse workers.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLibrary, type GeneratedPlan } from '../../bench/library/generate.ts';
import type { Database } from '../../src/db/database.ts';
import { listPlans } from '../../src/ingest/load/plans.ts';
import { emptyGraph, openTestDatabase } from '../support/graph.ts';
import { runLoadCli } from '../support/load-cli.ts';

let db: Database;
let folder: string;
let plans: GeneratedPlan[];

interface Report {
  files: {
    file: string;
    verdict: string;
    code: string | null;
    planId: string | null;
    tasks: number;
    load?: string;
    loadDetail?: string;
  }[];
  totals: Record<string, number>;
}

async function loadFolder(
  ...extra: string[]
): Promise<{ code: unknown; stdout: string; stderr: string; report: Report }> {
  const report = join(folder, '..', `${Date.now()}-report.json`);
  const { code, stdout, stderr } = await runLoadCli(['--jobs', '2', '--report', report, ...extra, folder]);
  const json = JSON.parse(readFileSync(report, 'utf8')) as Report;
  rmSync(report);
  return { code, stdout, stderr, report: json };
}

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  folder = join(mkdtempSync(join(tmpdir(), 'plan-graph-library-')), 'library');
  // The corpora of the fixtures: the test needs no shared folder.
  plans = generateLibrary({ n: 10, seed: 'library-test', out: folder, corpus: 'test/fixtures' });
  rmSync(join(folder, 'manifest.json'));
  copyFileSync('test/fixtures/bad/no-plan.txt', join(folder, 'bad-no-plan.txt'));
  copyFileSync(join(folder, plans[3]!.file), join(folder, 'copy-of-plan-4.txt'));
});
afterAll(async () => {
  rmSync(join(folder, '..'), { recursive: true, force: true });
  await db.close();
});

describe('a generated library with a bad file and a copy (npm run load -- DIR)', () => {
  let first: Awaited<ReturnType<typeof loadFolder>>;
  beforeAll(async () => {
    first = await loadFolder();
  }, 240_000);

  it('loads every plan, each under the id the generator gave it', async () => {
    expect(plans).toHaveLength(10);
    const loaded = await listPlans(db);
    expect(loaded.map((p) => p.id).sort()).toEqual(plans.map((p) => p.planId).sort());
    // The tasks each line reports are the tasks the graph holds, plan by plan.
    const tasks = Object.fromEntries(loaded.map((p) => [p.id, p.tasks]));
    const lines = first.report.files.filter((f) => f.load === 'loaded');
    expect(lines).toHaveLength(10);
    for (const line of lines) expect(tasks[line.planId!]).toBe(line.tasks);
    for (const plan of plans) expect(tasks[plan.planId]).toBe(plan.tasks);
  });

  it('reports the bad file with its code, the copy as unchanged, and counts them exactly', () => {
    const bad = first.report.files.find((f) => f.file.endsWith('bad-no-plan.txt'))!;
    expect([bad.verdict, bad.code, bad.load]).toEqual(['refused', 'NO_PLAN', undefined]);
    const copy = first.report.files.find((f) => f.file.endsWith('copy-of-plan-4.txt'))!;
    expect([copy.verdict, copy.planId, copy.load]).toEqual(['complete', plans[3]!.planId, 'unchanged']);
    expect(copy.loadDetail).toBe(`same bytes as ${join(folder, plans[3]!.file)} (plan ${plans[3]!.planId})`);
    const tasks = plans.reduce((n, p) => n + p.tasks, 0) + plans[3]!.tasks;
    expect(first.report.totals).toMatchObject({
      files: 12,
      complete: 11,
      partial: 0,
      refused: 1,
      unreadable: 0,
      tasks,
      loaded: 10,
      unchanged: 1,
      failed: 0,
    });
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(
      `total: 12 files: 11 complete, 0 partial, 1 refused, 0 unreadable; tasks ${tasks}, `,
    );
    expect(first.stdout).toContain('; loaded 10, unchanged 1, failed 0\n');
  });

  it('shows one progress line on stderr, ending with every file done', () => {
    const progress = first.stderr.split('\n').filter((l) => l.startsWith('files '));
    expect(progress.at(-1)).toMatch(/^files 12\/12 \(100%\) {2}loaded 10 {2}\d+\.\d plans\/s {2}ETA done$/);
  });

  it('skips every file when the library is loaded again, and the graph stays as it was', async () => {
    const before = await listPlans(db);
    const again = await loadFolder();
    expect(again.report.totals).toMatchObject({ files: 12, refused: 1, loaded: 0, unchanged: 11, failed: 0 });
    expect(await listPlans(db)).toEqual(before);
  }, 240_000);
});
