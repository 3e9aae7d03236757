/** seeds/genre.json, departments.json, manifest.json: validated on reading, with clear errors. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlanParseError } from '../../src/ingest/errors.ts';
import { parsePlan, resolvePlanId, sourceForText } from '../../src/ingest/index.ts';
import {
  DEFAULT_SEEDS_DIR,
  findManifestEntry,
  loadSeedData,
  parseDepartments,
  parseGenre,
  parseManifest,
} from '../../src/ingest/seed-data.ts';

const seeds = loadSeedData();

function thrown(f: () => unknown): PlanParseError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PlanParseError);
    return e as PlanParseError;
  }
  throw new Error('no error thrown');
}

describe('the project seeds', () => {
  it('load and validate', () => {
    expect(seeds.genre.sectionKinds.find((r) => r.kind === 'Task')!.words).toContain('重点任务');
    expect(seeds.departments.map((d) => d.name)).toContain('调宣部');
    expect(seeds.manifest.find((m) => m.planId === 'cast-2018')!.knownFacts.issuedDate!.source).toContain(
      'seeds/README.md',
    );
  });

  it('give a full name only with a source', () => {
    for (const d of seeds.departments) expect(d.fullName === null).toBe(d.source === null);
  });
});

describe('bad seed data is refused with the file, the field, and what was found', () => {
  it('refuses an unknown kind in genre.json', () => {
    const json = JSON.parse(
      JSON.stringify({ ...seeds.genre, sectionKinds: [{ kind: 'Mission', words: ['使命'] }] }),
    );
    const e = thrown(() => parseGenre(json));
    expect(e.code).toBe('BAD_SEED_DATA');
    expect(e.message).toBe(
      'genre.json: BAD_SEED_DATA: expected genre.sectionKinds[0].kind to be one of Principle, Goal, Task, Guarantee, Step or null, found "Mission"',
    );
  });

  it('refuses a document kind whose refusal code is not one the parser gives', () => {
    const kinds = seeds.genre.documentKinds;
    const json = JSON.parse(
      JSON.stringify({
        ...seeds.genre,
        documentKinds: { ...kinds, kinds: [{ ...kinds.kinds[0]!, code: 'NOT_A_PLAN_MEMO' }] },
      }),
    );
    expect(thrown(() => parseGenre(json)).expected).toBe(
      'genre.documentKinds.kinds[0].code to be one of NOT_A_PLAN_APPROVAL, NOT_A_PLAN_REPLY, NOT_A_PLAN_DECISION, NOT_A_PLAN_REGULATION, NOT_A_PLAN_HOLIDAY_NOTICE',
    );
  });

  it('refuses a missing word list', () => {
    const { subItemCues: _, ...rest } = seeds.genre;
    expect(thrown(() => parseGenre(rest)).expected).toBe('genre.subItemCues to be an array');
  });

  it('refuses a full name without its source', () => {
    const e = thrown(() =>
      parseDepartments({ departments: [{ name: '调宣部', fullName: '调研宣传部', source: null }] }),
    );
    expect(e.expected).toBe('departments.departments[0].source to be given exactly when fullName is');
  });

  it('refuses a malformed sha256 in the manifest', () => {
    const e = thrown(() => parseManifest({ plans: [{ file: 'a.txt', sha256: 'xyz', planId: 'a' }] }));
    expect(e.expected).toBe('manifest.plans[0].sha256 to be 64 lower-case hex digits');
  });

  it('refuses a seeds folder whose file is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    copyFileSync(join(DEFAULT_SEEDS_DIR, 'genre.json'), join(dir, 'genre.json'));
    copyFileSync(join(DEFAULT_SEEDS_DIR, 'manifest.json'), join(dir, 'manifest.json'));
    writeFileSync(join(dir, 'departments.json'), '{ "departments": [ ');
    const e = thrown(() => loadSeedData(dir));
    expect([e.code, e.expected, e.file]).toEqual([
      'BAD_SEED_DATA',
      'valid JSON',
      join(dir, 'departments.json'),
    ]);
  });
});

describe('plan ids', () => {
  const source = sourceForText('一、重点任务', 'x.txt');

  it('come from the option first, then the manifest by sha256 or file name, else from the sha256', () => {
    expect(resolvePlanId(source, seeds, 'mine')).toBe('mine');
    expect(resolvePlanId(source, seeds)).toBe(`plan-${source.sha256.slice(0, 10)}`);
    expect(resolvePlanId({ ...source, file: 'cast-2018-reform-key-tasks.txt' }, seeds)).toBe('cast-2018');
    const bySha = { ...source, sha256: 'c711c0f489a58a4ed4e66e76def467ecec36077b38e7bfa1eeb4e63f778bba21' };
    expect(findManifestEntry(seeds.manifest, bySha)!.planId).toBe('cast-2018');
    expect(() => resolvePlanId(source, seeds, 'Bad Id')).toThrow(RangeError);
  });

  it('namespace every element of a plan', () => {
    const text = '2020年示例重点任务\n\n一、重点任务\n\n1.强化学术引领。发挥引领作用。(学术部牵头)\n';
    const plan = parsePlan(text, sourceForText(text, 'y.txt'), { planId: 'demo-1' });
    expect(plan.elements.map((e) => e.id)).toEqual(['demo-1/task-1']);
    expect(plan.sections.map((s) => s.id)).toEqual(['demo-1/sec-1']);
  });
});
