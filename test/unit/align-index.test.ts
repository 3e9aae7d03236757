import { describe, expect, it } from 'vitest';
import { alignIndexWords, alignQuery } from '../../src/ingest/load/align.ts';
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

  it('stays under Lucene’s 1,024 clauses however many words a plan has', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `词${i}`);
    expect(alignQuery(many)!.split(' OR ').length).toBe(1000);
  });
});
