/** The parser's small pieces: markers, numerals, dates, unit names, inline sub-item lists. */
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../src/ingest/decode.ts';
import { dateLineLength, readDate } from '../../src/ingest/parse/dates.ts';
import { splitInline } from '../../src/ingest/parse/items.ts';
import { splitUnitNames } from '../../src/ingest/parse/leads.ts';
import { LineIndex, splitParas } from '../../src/ingest/parse/lines.ts';
import { markerAt } from '../../src/ingest/parse/markers.ts';
import { parseChineseNumeral } from '../../src/ingest/parse/numerals.ts';
import { normaliseInline } from '../../src/ingest/parse/text.ts';
import { loadSeedData } from '../../src/ingest/seed-data.ts';

const { genre } = loadSeedData();
const q = genre.quantityFollowers;
const m = (s: string) => {
  const r = markerAt(s, 0, q);
  return r && { shape: r.shape, n: r.number, raw: r.raw, damage: r.damage };
};

describe('markers, read on the raw text', () => {
  it('recognises every rung, whole, in ASCII and full width', () => {
    expect(m('一、总体要求')).toEqual({ shape: 'cn-comma', n: 1, raw: '一、', damage: null });
    expect(m('十二、其他')).toMatchObject({ shape: 'cn-comma', n: 12 });
    expect(m('(一)工作原则')).toMatchObject({ shape: 'cn-paren', n: 1, damage: null });
    expect(m('（二）主要目标')).toMatchObject({ shape: 'cn-paren', n: 2, raw: '（二）' });
    expect(m('10.拓展')).toMatchObject({ shape: 'arabic-dot', n: 10, raw: '10.' });
    expect(m('１．坚持')).toMatchObject({ shape: 'arabic-dot', n: 1 });
    expect(m('(3)建设')).toMatchObject({ shape: 'arabic-paren', n: 3, damage: null });
    expect(m('⑴建设')).toMatchObject({ shape: 'arabic-paren', n: 1 });
    expect(m('①建设')).toMatchObject({ shape: 'circled', n: 1 });
  });

  it('recognises damaged markers and says what was lost', () => {
    expect(m('(2加快')).toMatchObject({ shape: 'arabic-paren', n: 2, damage: 'missing-close' });
    expect(m('6)完善')).toMatchObject({ shape: 'arabic-paren', n: 6, damage: 'missing-open' });
    expect(m('1探索')).toMatchObject({ shape: null, n: 1, damage: 'bare' });
    expect(m('二)主要')).toMatchObject({ shape: 'cn-paren', n: 2, damage: 'missing-open' });
  });

  it('reads no marker in numbers of prose', () => {
    for (const s of [
      '2018年科协系统',
      '2018全国双创周',
      '4个方面',
      '1970项改革',
      '2.5亿元',
      '86 10 6255',
      '201842',
      '(2018)年',
    ]) {
      expect(m(s), s).toBeNull();
    }
  });

  it('keeps ① apart from 1 (no normalisation before detection)', () => {
    expect(m('①')!.shape).not.toBe(m('1.')!.shape);
  });
});

describe('numerals and dates', () => {
  it('reads Chinese numerals of headings', () => {
    expect(['一', '九', '十', '十一', '二十', '九十九'].map(parseChineseNumeral)).toEqual([
      1, 9, 10, 11, 20, 99,
    ]);
    expect(['', '零', '十十', '百'].map(parseChineseNumeral)).toEqual([null, null, null, null]);
  });

  it('reads whole dates and refuses to guess damaged ones', () => {
    expect(readDate('2018年04月13日')).toBe('2018-04-13');
    expect(readDate('2018年4月2日')).toBe('2018-04-02');
    expect(readDate('二〇一八年四月二日')).toBe('2018-04-02');
    expect(readDate('2019-03-12')).toBe('2019-03-12');
    expect(readDate('201842')).toBeNull();
    expect(readDate('2018年2月30日')).toBeNull();
  });

  it('recognises date lines, whole or damaged, with or without 印发', () => {
    expect(dateLineLength('201842', genre.metadata.printedSuffixes)).toBe(6);
    expect(dateLineLength('201842日印发', genre.metadata.printedSuffixes)).toBe(7);
    expect(dateLineLength('2019年3月8日', genre.metadata.printedSuffixes)).toBe(9);
    expect(dateLineLength('中国科协办公厅', genre.metadata.printedSuffixes)).toBe(-1);
    expect(dateLineLength('2018年科协系统深化改革重点任务', genre.metadata.printedSuffixes)).toBe(-1);
  });
});

describe('lead unit names', () => {
  const names = (s: string, known: string[] = []) =>
    splitUnitNames(s, 0, s.length, genre, new Set(known)).map((n) => n.name);

  it('splits on punctuation always and on 和/及 only between units', () => {
    expect(names('办公厅、信息中心')).toEqual(['办公厅', '信息中心']);
    expect(names('办公厅和信息中心')).toEqual(['办公厅', '信息中心']);
    expect(names('组人部，学会部及科普部')).toEqual(['组人部', '学会部', '科普部']);
    expect(names('人力资源和社会保障局')).toEqual(['人力资源和社会保障局']);
    expect(names('由市发改委')).toEqual(['市发改委']);
  });

  it('keeps the offsets of each name', () => {
    const s = '办公厅、信息中心';
    for (const n of splitUnitNames(s, 0, s.length, genre, new Set()))
      expect(s.slice(n.start, n.end)).toBe(n.name);
  });
});

describe('inline sub-item lists', () => {
  const split = (s: string) =>
    splitInline(s, 0, s.length, genre)?.items.map((i) => s.slice(i.textStart, i.textEnd)) ?? null;

  it('splits by expected sequence after a cue', () => {
    expect(split('加强建设。具体包括:1甲项工作;(2)乙项工作;3)丙项工作。')).toEqual([
      '甲项工作',
      '乙项工作',
      '丙项工作。',
    ]);
  });

  it('needs a boundary before a marker and the exact next number', () => {
    expect(split('具体包括:1紧盯4个方面;2承办2018全国双创周,面向2035科技;3完成。')).toEqual([
      '紧盯4个方面',
      '承办2018全国双创周,面向2035科技',
      '完成。',
    ]);
  });

  it('believes a list without a cue only when its item 2 follows', () => {
    expect(split('推进工作。1个中心建设完成。')).toBeNull();
    expect(split('推进工作。1甲项工作;2乙项工作。')).toEqual(['甲项工作', '乙项工作。']);
  });

  it('reports a skipped number and keeps the text in the item before it', () => {
    const s = '具体包括:(1)甲项工作;(2)乙项工作;(4)丁项工作。';
    const r = splitInline(s, 0, s.length, genre)!;
    expect(r.items).toHaveLength(2);
    expect(r.gaps).toEqual([{ offset: s.indexOf('(4)'), expected: 3, found: '(4)' }]);
  });
});

describe('text primitives', () => {
  it('keeps paragraphs with raw offsets and treats NBSP-only lines as blank', () => {
    const text = 'a\n\u00a0\n\u3000\u3000b c\r\n\u00a0\u00a0\nd';
    const paras = splitParas(text);
    expect(paras.map((p) => [p.line, p.text])).toEqual([
      [1, 'a'],
      [3, 'b c'],
      [5, 'd'],
    ]);
    const idx = new LineIndex(text);
    for (const p of paras)
      expect(idx.span(p.start, p.end)).toEqual({ start: p.start, end: p.end, line: p.line, quote: p.text });
  });

  it('normalises values (never quotes): line breaks inside a paragraph and blanks between Chinese characters', () => {
    expect(normaliseInline('副省级城\n\n市科协')).toBe('副省级城市科协');
    expect(normaliseInline('科协系统 深化改革')).toBe('科协系统深化改革');
    expect(normaliseInline('MCR 工作方法')).toBe('MCR 工作方法');
  });

  it('finds the first byte that breaks UTF-8', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('中文'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe4, 0xb8]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(0);
  });
});
