import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import type { Span } from '../../src/ingest/model.ts';
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
const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
const expectSpan = (span: Span) => {
  expect(text.slice(span.start, span.end)).toBe(span.quote);
  expect(span.line).toBe(lineOf(span.start));
};
const short = (id: string) => id.slice(`${plan.id}/`.length) || id;
const mentionsOf = (conceptId: string) =>
  plan.mentions.filter((m) => m.conceptId === conceptId).map((m) => `${short(m.elementId)}:${m.span.quote}`);

describe('concept mentions in the seed plan', () => {
  it('anchors every mention at its exact text and line', () => {
    expect(plan.mentions.length).toBeGreaterThan(25);
    for (const m of plan.mentions) expectSpan(m.span);
  });

  it('finds each named concept exactly where the plan names it', () => {
    expect(mentionsOf('concept/四服务')).toEqual(['goal-1:四服务']);
    expect(mentionsOf('concept/1-9-6-1工作布局')).toEqual(['principle-2:1-9-6-1']);
    expect(mentionsOf('concept/3+1试点')).toEqual(['task-6/item-3:3+1']);
    expect(mentionsOf('concept/上热下冷')).toEqual(['principle-2:上热下冷', 'guarantee-2:上热下冷']);
    expect(mentionsOf('concept/MCR工作方法')).toEqual(['guarantee-3:MCR工作方法']);
    expect(mentionsOf('concept/中央厨房')).toEqual(['task-1/item-5:中央厨房']);
    expect(mentionsOf('concept/智慧科协')).toEqual(['task-4:智慧科协', 'task-4/item-1:智慧科协']);
  });

  it('matches 四服务 as a whole, never 服务 alone', () => {
    expect(plan.mentions.some((m) => m.span.quote === '服务')).toBe(false);
    expect(plan.concepts.some((c) => c.name === '服务')).toBe(false);
  });

  it('counts an alias as a mention of its concept, quoted or not', () => {
    expect(mentionsOf('concept/三性')).toEqual(['goal-1:政治性先进性群众性', 'task-6:三性']);
    expect(mentionsOf('concept/省会合作')).toEqual(['task-5:省—会合作', 'task-5/item-1:省会合作']);
    expect(mentionsOf('concept/科界')).toEqual(['task-4/item-2:科技工作者之家网', 'task-4/item-2:科界']);
  });

  it('prefers the longest match and never counts the same text twice', () => {
    expect(mentionsOf('concept/科普中国·百城千校万村行动')).toEqual([
      'task-9/item-5:科普中国·百城千校万村行动',
    ]);
    expect(mentionsOf('concept/科普中国')).toEqual(['task-9/item-3:科普中国']);
    const spans = plan.mentions.map((m) => m.span).sort((a, b) => a.start - b.start);
    spans.slice(1).forEach((s, i) => expect(s.start).toBeGreaterThanOrEqual(spans[i]!.end));
  });

  it('gives a mention to the innermost part: sub-item before task, section for its intro', () => {
    expect(mentionsOf('concept/群团工作体系')).toEqual(['sec-1:群团工作体系', 'goal-1:群团工作体系']);
    expect(mentionsOf('concept/3+1试点')).toEqual(['task-6/item-3:3+1']);
  });

  it('gives preamble mentions to the plan itself', () => {
    const glossary = loadGlossary();
    const extra = {
      name: '中央书记处',
      aliases: [],
      kind: 'body',
      gloss: null,
      definition: null,
      definitionSource: null,
      note: null,
    };
    const s = deriveSemanticsWith(input, {
      glossary: { ...glossary, concepts: [...glossary.concepts, extra] },
      links: NO_LINKS,
    });
    expect(s.mentions.filter((m) => m.conceptId === 'concept/中央书记处').map((m) => m.elementId)).toEqual([
      plan.id,
      `${plan.id}/sec-1`,
    ]);
  });

  it('takes no mentions from the page around the plan', () => {
    const withFooter: SemanticsInput = { ...input, text: `${text}\n一带一路 四服务 “新术语”\n` };
    const s = deriveSemanticsWith(withFooter, { glossary: loadGlossary(), links: NO_LINKS });
    expect(s.mentions).toEqual(plan.mentions);
    expect(s.concepts.map((c) => c.id)).toEqual(plan.concepts.map((c) => c.id));
  });
});

describe('concepts of the seed plan', () => {
  const byName = new Map(plan.concepts.map((c) => [c.name, c]));

  it('makes every quoted term of the plan a concept', () => {
    const quoted = [
      '传承、创新、发展',
      '上热下冷',
      '牛鼻子',
      '硬骨头',
      '四服务',
      '四个意识',
      '四个自信',
      '中央厨房',
      '科界',
    ];
    const more = [
      '创响中国',
      '三性',
      '四化',
      '四缺',
      '中国科技论坛',
      '科普中国·百城千校万村行动',
      '一带一路',
    ];
    for (const name of [...quoted, ...more]) expect(byName.get(name)?.id, name).toBe(`concept/${name}`);
    // quoted under an alias
    expect(byName.get('1-9-6-1工作布局')?.aliases).toContain('1-9-6-1');
    expect(byName.get('3+1试点')?.aliases).toContain('3+1');
    expect(byName.get('省会合作')).toBeDefined();
  });

  it('adds the unquoted concepts the glossary lists', () => {
    for (const name of [
      '群团工作体系',
      '开放型枢纽型平台型',
      '智慧科协',
      '网上科技工作者之家',
      'MCR工作方法',
      '科普中国',
    ]) {
      expect(byName.get(name)?.inGlossary, name).toBe(true);
    }
  });

  it('leaves out glossary entries the plan never mentions, and lists concepts in order of first mention', () => {
    const firsts = plan.concepts.map((c) => plan.mentions.find((m) => m.conceptId === c.id)!.span.start);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it('keeps definitions null where no source gives one', () => {
    for (const name of ['1-9-6-1工作布局', '四缺', '3+1试点', 'MCR工作方法']) {
      expect(byName.get(name), name).toMatchObject({
        definition: null,
        definitionSource: null,
        inGlossary: true,
      });
    }
    expect(byName.get('四服务')?.definitionSource).toMatch(/2016/);
  });

  it('finds every quoted term in the glossary, so the seed warns of none', () => {
    expect(plan.warnings.filter((w) => w.code === 'CONCEPT_NOT_IN_GLOSSARY')).toEqual([]);
    expect(plan.concepts.every((c) => c.inGlossary)).toBe(true);
  });

  it('keeps a quoted term missing from the glossary as a quoted-term concept, with a warning and its line', () => {
    const glossary = loadGlossary();
    const concepts = glossary.concepts.filter((c) => c.name !== '牛鼻子' && c.name !== '硬骨头');
    const s = deriveSemanticsWith(input, { glossary: { ...glossary, concepts }, links: NO_LINKS });
    expect(s.concepts.find((c) => c.name === '牛鼻子')).toEqual({
      id: 'concept/牛鼻子',
      name: '牛鼻子',
      aliases: [],
      kind: 'quoted-term',
      gloss: null,
      definition: null,
      definitionSource: null,
      inGlossary: false,
    });
    expect(
      s.warnings.filter((w) => w.code === 'CONCEPT_NOT_IN_GLOSSARY').map((w) => [w.line, w.message]),
    ).toEqual([
      [38, expect.stringContaining('“牛鼻子” is not in seeds/glossary.json')],
      [38, expect.stringContaining('“硬骨头” is not in seeds/glossary.json')],
    ]);
  });

  it('does not take a quoted citation for a term', () => {
    expect(plan.concepts.some((c) => c.name.startsWith('科协系统改革'))).toBe(false);
  });
});
