/** compare's answers kept per graph version (src/api/compare/memo.ts). */
import { describe, expect, it } from 'vitest';
import { CompareMemo } from '../../src/api/compare/memo.ts';

const KEY = CompareMemo.key('plan-a', 'plan-b', 0.5);

describe('CompareMemo', () => {
  it('answers a kept comparison at the version it was read at, and at no other', () => {
    const memo = new CompareMemo<string>();
    memo.set('v1', KEY, 'answer at v1');
    expect(memo.get('v1', KEY)).toBe('answer at v1');
    expect(memo.get('v2', KEY)).toBeUndefined();
    expect(memo.get(null, KEY)).toBeUndefined();
  });

  it('tells the two plans apart by order and by threshold', () => {
    const memo = new CompareMemo<string>();
    memo.set('v1', KEY, 'a then b');
    expect(memo.get('v1', CompareMemo.key('plan-b', 'plan-a', 0.5))).toBeUndefined();
    expect(memo.get('v1', CompareMemo.key('plan-a', 'plan-b', 0.6))).toBeUndefined();
  });

  it('drops every answer of the old version when one of a new version is kept', () => {
    const memo = new CompareMemo<string>();
    memo.set('v1', KEY, 'old');
    memo.set('v1', CompareMemo.key('plan-a', 'plan-c', 0.5), 'old too');
    memo.set('v2', CompareMemo.key('plan-a', 'plan-c', 0.5), 'new');
    expect(memo.size).toBe(1);
    expect(memo.get('v1', KEY)).toBeUndefined();
    expect(memo.get('v2', CompareMemo.key('plan-a', 'plan-c', 0.5))).toBe('new');
  });

  it('keeps nothing for a graph no load has written (no version)', () => {
    const memo = new CompareMemo<string>();
    memo.set(null, KEY, 'unversioned');
    expect(memo.size).toBe(0);
    expect(memo.get(null, KEY)).toBeUndefined();
  });

  it('keeps at most maxEntries answers, the least recently used going first', () => {
    const memo = new CompareMemo<string>(2);
    const key = (b: string) => CompareMemo.key('plan-a', b, 0.5);
    memo.set('v1', key('b'), 'b');
    memo.set('v1', key('c'), 'c');
    expect(memo.get('v1', key('b'))).toBe('b');
    memo.set('v1', key('d'), 'd');
    expect([memo.get('v1', key('b')), memo.get('v1', key('c')), memo.get('v1', key('d'))]).toEqual([
      'b',
      undefined,
      'd',
    ]);
  });
});
