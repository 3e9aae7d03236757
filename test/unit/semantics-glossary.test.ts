import { describe, expect, it } from 'vitest';
import { loadGlossary, parseGlossary } from '../../src/ingest/semantics/glossary.ts';

const rules = {
  problemCues: { lead: ['等'], counters: ['方面问题'] },
  phrases: { trimChars: '的', stopPhrases: [] },
};
const entry = (fields: Record<string, unknown>) => ({
  name: '四服务',
  aliases: [],
  kind: 'role',
  gloss: null,
  definition: null,
  definitionSource: null,
  ...fields,
});
const glossaryOf = (...concepts: unknown[]) => ({ concepts, ...rules });

describe('the repository glossary (seeds/glossary.json)', () => {
  const glossary = loadGlossary();
  const byName = new Map(glossary.concepts.map((c) => [c.name, c]));

  it('loads and validates', () => {
    expect(glossary.concepts.length).toBeGreaterThan(20);
    expect(glossary.problemCues.lead).toContain('等');
  });

  it('gives a definition only with its source', () => {
    for (const c of glossary.concepts) expect(c.definition === null).toBe(c.definitionSource === null);
    expect(byName.get('四服务')?.definition).toBe(
      '为科技工作者服务、为创新驱动发展服务、为提高全民科学素质服务、为党和政府科学决策服务',
    );
    expect(byName.get('三性')?.definition).toBe('政治性、先进性、群众性');
  });

  it('keeps the definition null where no public source defines the term', () => {
    for (const name of ['1-9-6-1工作布局', '四缺', '3+1试点', 'MCR工作方法', '中央厨房']) {
      expect(byName.get(name), name).toMatchObject({ definition: null, definitionSource: null });
    }
  });

  it('marks the mass-organisation meaning of 四化 as general usage, an inference for any one plan', () => {
    const siHua = byName.get('四化')!;
    expect(siHua.definition).toBe('机关化、行政化、贵族化、娱乐化');
    expect(siHua.definitionSource).toMatch(/^General usage .* inference/);
  });

  it('takes the definition of 科界 from the plan itself, citing the line', () => {
    expect(byName.get('科界')?.definitionSource).toMatch(/cast-2018-reform-key-tasks\.txt, line 60/);
  });

  it('lists the spelled-out 政治性先进性群众性 as an alias of 三性', () => {
    expect(byName.get('三性')?.aliases).toContain('政治性先进性群众性');
  });
});

describe('glossary validation', () => {
  it('accepts a minimal glossary', () => {
    expect(parseGlossary(glossaryOf(entry({}))).concepts[0]?.name).toBe('四服务');
  });

  it('refuses an entry without a name, naming the entry', () => {
    expect(() => parseGlossary(glossaryOf(entry({}), entry({ name: undefined })))).toThrow(
      'seeds/glossary.json: BAD_SEED_DATA: expected concepts[1].name to be a non-empty string without surrounding spaces, found nothing',
    );
  });

  it('refuses an alias that another entry already uses, naming both', () => {
    const json = glossaryOf(
      entry({ name: '三性', aliases: ['政治性先进性群众性'] }),
      entry({ name: '政治三性', aliases: ['政治性先进性群众性'] }),
    );
    expect(() => parseGlossary(json)).toThrow(
      'seeds/glossary.json: BAD_SEED_DATA: expected concepts[1] (政治三性) to be the only concept with each of its names and aliases, found "政治性先进性群众性" already used by "三性"',
    );
  });

  it('refuses an alias equal to another entry name', () => {
    const json = glossaryOf(entry({ name: '科界' }), entry({ name: '科技工作者之家网', aliases: ['科界'] }));
    expect(() => parseGlossary(json)).toThrow(/"科界" already used by "科界"/);
  });

  it('refuses a definition without a source: definitions are never invented', () => {
    expect(() => parseGlossary(glossaryOf(entry({ definition: '为科技工作者服务' })))).toThrow(
      'seeds/glossary.json: BAD_SEED_DATA: expected concepts[0] (四服务).definitionSource to be a URL or citation, since a definition is given (definitions are never invented), found null',
    );
  });

  it('refuses a source without a definition', () => {
    expect(() => parseGlossary(glossaryOf(entry({ definitionSource: 'https://example.org' })))).toThrow(
      /concepts\[0\] \(四服务\)\.definition to be given, since definitionSource is/,
    );
  });

  it('refuses a misspelt key instead of ignoring it', () => {
    expect(() => parseGlossary(glossaryOf(entry({ defintion: 'x' })))).toThrow(
      /expected concepts\[0\] \(四服务\) to be an object with keys among name, aliases, .*, found key "defintion"/,
    );
  });

  it('keeps the kind "quoted-term" for terms the glossary lacks', () => {
    expect(() => parseGlossary(glossaryOf(entry({ kind: 'quoted-term' })))).toThrow(
      /reserved for terms missing/,
    );
  });

  it('refuses a glossary without its rule words', () => {
    expect(() => parseGlossary({ concepts: [] })).toThrow(
      'seeds/glossary.json: BAD_SEED_DATA: expected problemCues to be an object with lead and counters, found nothing',
    );
  });
});
