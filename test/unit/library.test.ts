/**
 * The pieces of a library load that need no database: the generator of benchmark libraries, the
 * parse workers, the files a glob names, and the progress line.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLibrary } from '../../bench/library/generate.ts';
import { planFiles } from '../../src/cli/batch.ts';
import { formatProgress } from '../../src/cli/progress.ts';
import { loadLibrary } from '../../src/ingest/library/load-library.ts';

const work = mkdtempSync(join(tmpdir(), 'plan-graph-library-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const files = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);

describe('the library generator', () => {
  const options = { n: 12, corpus: 'test/fixtures' };
  const a = generateLibrary({ ...options, seed: 's1', out: join(work, 'a') });

  it('makes the same files, byte for byte, from the same seed', () => {
    generateLibrary({ ...options, seed: 's1', out: join(work, 'b') });
    expect(files(join(work, 'b'))).toEqual(files(join(work, 'a')));
  });

  it('makes another library from another seed', () => {
    const c = generateLibrary({ ...options, seed: 's2', out: join(work, 'c') });
    expect(c.map((p) => p.planId)).not.toEqual(a.map((p) => p.planId));
  });

  it('varies issuers and years, carries tasks over and cites the national originals', () => {
    expect(a).toHaveLength(12);
    expect(new Set(a.map((p) => p.planId)).size).toBe(12);
    expect(new Set(a.map((p) => p.issuer)).size).toBeGreaterThan(3);
    expect(new Set(a.map((p) => p.level))).toContain('national');
    expect(a.some((p) => p.level !== 'national')).toBe(true);
    expect(a.some((p) => p.carriedOver > 0)).toBe(true);
    // A copy's preamble names the original by title and number, as the original is written.
    const copy = a.find((p) => p.cites !== null)!;
    const text = readFileSync(join(work, 'a', copy.file), 'utf8');
    expect(text).toContain(`（${copy.cites}）`);
  });

  it('parses every plan it makes complete, under the id it announced, in worker threads', async () => {
    const dir = join(work, 'a');
    const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    const run = await loadLibrary(
      null,
      names.map((f) => join(dir, f)),
      { jobs: 2 },
    );
    expect(run.results.map((r) => [r.verdict, r.planId])).toEqual(
      [...a].sort((x, y) => (x.file < y.file ? -1 : 1)).map((p) => ['complete', p.planId]),
    );
  }, 60_000);

  it('names what is missing when the corpora are not where it is told', () => {
    expect(() =>
      generateLibrary({ n: 1, seed: 'x', out: join(work, 'd'), corpus: join(work, 'none') }),
    ).toThrow(
      `expected the shared corpora under ${join(work, 'none')} (corpus-full/, corpus/), found no ${join(work, 'none', 'corpus-full')}: give --corpus`,
    );
  });
});

describe('the files of a library', () => {
  it('expands a quoted glob, and keeps a glob that matches nothing as a file to report', () => {
    expect(planFiles(['test/fixtures/corpus-full/gov-2019-*.txt'])).toEqual([
      'test/fixtures/corpus-full/gov-2019-financing-guarantee-opinions.txt',
      'test/fixtures/corpus-full/gov-2019-kindergarten-remediation-notice.txt',
    ]);
    expect(planFiles(['test/fixtures/none-*.txt'])).toEqual(['test/fixtures/none-*.txt']);
  });
});

describe('the progress line', () => {
  it('says files done of the total, plans per second and the time left', () => {
    expect(formatProgress({ done: 120, total: 1000, loaded: 118, elapsedMs: 12_000 })).toBe(
      'files 120/1000 (12%)  loaded 118  10.0 plans/s  ETA 1m28s',
    );
    expect(formatProgress({ done: 12, total: 12, loaded: 10, elapsedMs: 3_000 })).toBe(
      'files 12/12 (100%)  loaded 10  4.0 plans/s  ETA done',
    );
  });
});
