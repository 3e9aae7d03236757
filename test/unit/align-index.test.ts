import { describe, expect, it } from 'vitest';
import { alignIndexWords, alignQuery, QUERY_WORDS } from '../../src/ingest/load/align.ts';
import { parseFile } from '../support/plans.ts';

describe('the alignment index entry of a plan', () => {
  const plan = parseFile('test/fixtures/plans/pair/qinghe-2020-points.txt');

  it('holds each word of its tasks and goals once, in first-seen order', () => {
    const words = alignIndexWords(plan);
    expect(words.slice(0, 5)).toEqual(['推进', '基层组织', '建设', '科协', '组织']);
    expect(new Set(words).size).toBe(words.length);
    expect(words).toContain('青少年');
    expect(words.every((w) => w.length >= 2)).toBe(true);
  });

  it('asks the index for any of them, each quoted, and for nothing when there are none', () => {
    expect(alignQuery(['推进', '基层'])).toBe('"推进" OR "基层"');
    expect(alignQuery([])).toBeNull();
    expect(alignQuery(['a"b'])).toBeNull();
  });

  it('asks for a sample of QUERY_WORDS words of a larger plan: the same words in any order', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `词${i}`);
    const asked = alignQuery(many)!.split(' OR ');
    expect(asked).toHaveLength(QUERY_WORDS);
    expect(new Set(asked).size).toBe(QUERY_WORDS);
    // In the order the plan gives its words, whichever order that is.
    expect(asked).toEqual(many.map((w) => `"${w}"`).filter((w) => asked.includes(w)));
    expect(alignQuery([...many].reverse())!.split(' OR ')).toEqual([...asked].reverse());
    // A plan of as many words as the sample, or fewer, asks for every one.
    expect(alignQuery(many.slice(0, QUERY_WORDS))!.split(' OR ')).toHaveLength(QUERY_WORDS);
  });

  it('samples a real plan of more words than that', () => {
    const seed = alignIndexWords(parseFile('seeds/cast-2018-reform-key-tasks.txt'));
    expect(seed.length).toBeGreaterThan(QUERY_WORDS);
    const asked = alignQuery(seed)!.split(' OR ');
    expect(asked).toHaveLength(QUERY_WORDS);
    expect(asked.every((w) => seed.includes(w.slice(1, -1)))).toBe(true);
  });
});
