import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import { loadGlossary } from '../../src/ingest/semantics/glossary.ts';
import { deriveSemanticsWith, type SemanticsInput } from '../../src/ingest/semantics/index.ts';
import { NO_LINKS } from '../../src/ingest/semantics/links.ts';

const SEED = fileURLToPath(new URL('../../seeds/cast-2018-reform-key-tasks.txt', import.meta.url));

/** The seed as the real parser reads it, and the outline semantics are derived from. */
function loadSeed() {
  const { text, source } = readPlanFile(SEED);
  const plan = parsePlan(text, source);
  const input: SemanticsInput = {
    planId: plan.id,
    text,
    sections: plan.sections,
    elements: plan.elements,
    preambleSpan: plan.metaSpans['preamble'] ?? null,
  };
  return { text, input, plan };
}

const { text, input, plan } = loadSeed();
const derive = (changed: SemanticsInput) =>
  deriveSemanticsWith(changed, { glossary: loadGlossary(), links: NO_LINKS });

describe('problems the seed plan names', () => {
  it('splits the quoted passage before 等四方面问题 into its four clauses', () => {
    expect(plan.problems.map((p) => [p.id, p.number, p.name, p.text])).toEqual([
      ['cast-2018/problem-1', 1, '上热下冷', '科协系统改革‘上热下冷’现象比较普遍'],
      ['cast-2018/problem-2', 2, '联系服务科技工作者的广度、深度不够', '联系服务科技工作者的广度、深度不够'],
      [
        'cast-2018/problem-3',
        3,
        '与加快建设创新型国家、进军世界科技强国的要求差距明显',
        '与加快建设创新型国家、进军世界科技强国的要求差距明显',
      ],
      ['cast-2018/problem-4', 4, '基层科协组织活力不足', '基层科协组织活力不足'],
    ]);
  });

  it('states them all in the principle 坚持问题导向, on line 38, with exact spans', () => {
    for (const p of plan.problems) {
      expect(p.statedInId).toBe('cast-2018/principle-2');
      expect(p.span.line).toBe(38);
      expect(text.slice(p.span.start, p.span.end)).toBe(p.span.quote);
      expect(p.span.quote).toBe(p.text);
    }
  });

  it('warns when the announced count differs from the clauses found, and keeps the clauses', () => {
    const changed = derive({ ...input, text: text.replace('等四方面问题', '等五方面问题') });
    expect(changed.problems).toHaveLength(4);
    expect(changed.warnings).toEqual([
      {
        code: 'PROBLEM_COUNT_MISMATCH',
        line: 38,
        message: expect.stringContaining(
          'announces 五 (5) problems after a quoted passage (等五方面问题) but the passage splits into 4 clauses',
        ),
      },
    ]);
  });

  it('reads the count cue from the glossary, and ignores a quoted passage without one', () => {
    expect(derive({ ...input, text: text.replace('等四方面问题', '等四方面情况') }).problems).toEqual([]);
    const glossary = loadGlossary();
    const cues = { lead: ['等'], counters: ['方面情况'] };
    const s = deriveSemanticsWith(
      { ...input, text: text.replace('等四方面问题', '等四方面情况') },
      { glossary: { ...glossary, problemCues: cues }, links: NO_LINKS },
    );
    expect(s.problems).toHaveLength(4);
  });
});

describe('the count cue', () => {
  it('reads the count in Arabic or Chinese numerals', () => {
    expect(derive({ ...input, text: text.replace('等四方面问题', '等4方面问题') }).problems).toHaveLength(4);
    expect(derive({ ...input, text: text.replace('等四方面问题', '等４方面问题') }).warnings).toEqual([]);
  });
});
