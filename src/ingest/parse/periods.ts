/**
 * The period of a schedule step as plans write it, read to ISO dates where the text allows:
 *   2019年1月至3月 → 2019-01-01..2019-03-31     2019年6月底前 → ..2019-06-30
 *   2019年4月—2020年6月, 2019年3月1日至4月15日    2019年底前 → ..2019-12-31
 *   2019年上半年, 2019年第三季度, 2019年全年, 2019年9月 (a whole month), 2019年10月起 (start only)
 * A period without a year ("4月至6月") takes the year of the step before it (`yearBefore`); with
 * none, its dates stay null and only the words are kept. Nothing is guessed beyond the words.
 */
import { CN_NUMERAL_CHARS, parseDigitString, parseSmallNumber } from './numerals.ts';

export interface FoundPeriod {
  /** Offsets of the period's words in the text. */
  readonly start: number;
  readonly end: number;
  /** First day, ISO; null when the words give no start ("6月底前"). */
  readonly from: string | null;
  /** Last day, ISO; null when the words give no end ("10月起"). */
  readonly to: string | null;
  /** The year the period ends in, for the next step that names none. */
  readonly year: number | null;
}

const SP = '[ \\u00a0\\u3000]*';
const YEAR = `([0-9０-９${CN_NUMERAL_CHARS}]{4})${SP}年`;
const NUM = `([0-9０-９${CN_NUMERAL_CHARS}]{1,3})`;
const MONTH = `${NUM}${SP}月`;
const DAY = `(?:${NUM}${SP}[日号])`;
const TO = `${SP}(?:至|到|—|–|－|-|~|～|——)${SP}`;
/** One end of a period: [year] [month [day | 上旬/中旬/下旬 | 底/末/初]] or [year] 上半年 / 第N季度 / 年底. */
const POINT = `(?:${YEAR})?${SP}(?:${MONTH}${SP}(?:${DAY}|(上旬|中旬|下旬|底|末|初|中))?|(上半年|下半年|全年|年底|年末|年初|底|末|初|第[一二三四1-4]季度|[一二三四1-4]季度))?`;
const BEFORE = '(?:以前|之前|前)';
const SINCE = '(?:起|开始|以后|之后)';
const PERIOD = new RegExp(`${POINT}(?:${TO}${POINT})?${SP}(${BEFORE}|${SINCE})?`, 'g');
/** "2019年1—3月", "1-6月": two months sharing one 月. */
const MONTHS = new RegExp(
  `(?:${YEAR})?${SP}${NUM}${TO}${NUM}${SP}月(?!${SP}[0-9０-９${CN_NUMERAL_CHARS}]{1,3}${SP}[日号])`,
  'g',
);

interface Point {
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
  readonly part: string | null;
  readonly whole: string | null;
}

const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function point(g: readonly (string | undefined)[]): Point | null {
  const [y, mo, d, part, whole] = g;
  if (y === undefined && mo === undefined && whole === undefined) return null;
  const year = y === undefined ? null : parseDigitString(y);
  const month = mo === undefined ? null : parseSmallNumber(mo);
  const day = d === undefined ? null : parseSmallNumber(d);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (year !== null && (year < 1949 || year > 2200)) return null;
  // "底" / "末" / "初" stand for the year's only right after it ("2019年底").
  if (whole !== undefined && whole.length === 1 && year === null) return null;
  const w = whole === undefined ? null : whole.length === 1 ? `年${whole}` : whole;
  return { year, month, day, part: part ?? null, whole: w };
}

const QUARTER: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
};

/** First and last day a point covers: a day, a month (or its part), a half, a quarter, a year. */
function bounds(p: Point, year: number): [string, string] | null {
  if (p.month !== null) {
    const last = lastDay(year, p.month);
    if (p.day !== null) return p.day <= last ? [iso(year, p.month, p.day), iso(year, p.month, p.day)] : null;
    switch (p.part) {
      case '上旬':
      case '初':
        return [iso(year, p.month, 1), iso(year, p.month, 10)];
      case '中旬':
      case '中':
        return [iso(year, p.month, 11), iso(year, p.month, 20)];
      case '下旬':
        return [iso(year, p.month, 21), iso(year, p.month, last)];
      case '底':
      case '末':
        return [iso(year, p.month, last), iso(year, p.month, last)];
      default:
        return [iso(year, p.month, 1), iso(year, p.month, last)];
    }
  }
  const w = p.whole;
  if (w === null || w === '全年') return [iso(year, 1, 1), iso(year, 12, 31)];
  if (w === '上半年') return [iso(year, 1, 1), iso(year, 6, 30)];
  if (w === '下半年') return [iso(year, 7, 1), iso(year, 12, 31)];
  if (w === '年底' || w === '年末') return [iso(year, 12, 31), iso(year, 12, 31)];
  if (w === '年初') return [iso(year, 1, 1), iso(year, 1, 31)];
  const q = QUARTER[w.replace(/^第|季度$/g, '')];
  if (q === undefined) return null;
  return [iso(year, q * 3 - 2, 1), iso(year, q * 3, lastDay(year, q * 3))];
}

/**
 * The first period in text[start, end), or null. A bare month with no year and no year before it
 * is still found (its dates null); a lone year ("2019年") counts only with 起 / 前 or a second end.
 */
export function findPeriod(
  text: string,
  start: number,
  end: number,
  yearBefore: number | null,
): FoundPeriod | null {
  const slice = text.slice(start, end);
  const general = generalPeriod(text, slice, start, yearBefore);
  MONTHS.lastIndex = 0;
  const two = MONTHS.exec(slice);
  if (two !== null && (general === null || start + two.index < general.start)) {
    const year = two[1] === undefined ? yearBefore : parseDigitString(two[1]);
    const a = parseSmallNumber(two[2]!);
    const b = parseSmallNumber(two[3]!);
    if (a !== null && b !== null && a >= 1 && b <= 12 && a <= b) {
      const s = start + two.index;
      return {
        start: s,
        end: s + two[0].length,
        from: year === null ? null : iso(year, a, 1),
        to: year === null ? null : iso(year, b, lastDay(year, b)),
        year,
      };
    }
  }
  return general;
}

function generalPeriod(
  text: string,
  slice: string,
  start: number,
  yearBefore: number | null,
): FoundPeriod | null {
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(slice); m !== null; m = PERIOD.exec(slice)) {
    if (m[0].length === 0) {
      PERIOD.lastIndex++;
      continue;
    }
    const a = point(m.slice(1, 6));
    const b = point(m.slice(6, 11));
    const edge = m[11] ?? null;
    if (a === null) continue;
    // "2019年" alone is a year in prose, not a step's period.
    if (a.month === null && a.whole === null && b === null && edge === null) continue;
    const fromYear = a.year ?? yearBefore;
    const toYear = b?.year ?? fromYear;
    let from: string | null = null;
    let to: string | null = null;
    if (fromYear !== null) {
      const ra = bounds(a, fromYear);
      if (ra === null) continue;
      from = ra[0];
      to = ra[1];
    }
    if (b !== null && toYear !== null) {
      const rb = bounds(b, toYear);
      if (rb === null) continue;
      to = rb[1];
    }
    if (edge !== null && /前/.test(edge)) from = null;
    else if (edge !== null) to = null;
    // "6月底前", "年底前": the end only.
    if (b === null && (a.part === '底' || a.part === '末' || a.whole === '年底' || a.whole === '年末'))
      from = null;
    const s = start + m.index;
    let e = s + m[0].length;
    while (e > s && /[ \u00a0\u3000]/.test(text[e - 1]!)) e--;
    return { start: s, end: e, from, to, year: toYear };
  }
  return null;
}
