/**
 * Dates as Chinese documents write them: 2018年04月13日, 2018年4月2日, 二〇一八年四月二日,
 * 2018-04-13. A date whose characters were lost in capture ("201842") is recognised as a date
 * line but not read: which digits are month and day cannot be known, and none is invented.
 */
import { CN_NUMERAL_CHARS, parseDigitString, parseSmallNumber } from './numerals.ts';
import { alternation, compiledFor } from './text.ts';

const Y = `[0-9\\uff10-\\uff19${CN_NUMERAL_CHARS}]{4}`;
const N = `[0-9\\uff10-\\uff19${CN_NUMERAL_CHARS}]{1,3}`;
const SP = '[ \\t\\u00a0\\u3000]*';

/** A whole date at the start of a string (sticky), in any of the written forms. */
const DATE_RES: readonly RegExp[] = [
  new RegExp(`(${Y})${SP}年${SP}(${N})${SP}月${SP}(${N})${SP}日`, 'y'),
  new RegExp(`([0-9]{4})[-/.．]([0-9]{1,2})[-/.．]([0-9]{1,2})(?![0-9])`, 'y'),
];

export interface FoundDate {
  readonly start: number;
  readonly end: number;
  readonly iso: string;
}

function iso(y: number | null, m: number | null, d: number | null): string | null {
  if (y === null || m === null || d === null) return null;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date starting exactly at `pos`, read to ISO, or null. */
export function dateAt(text: string, pos: number): FoundDate | null {
  for (const re of DATE_RES) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m === null) continue;
    const value = iso(parseDigitString(m[1]!), parseSmallNumber(m[2]!), parseSmallNumber(m[3]!));
    if (value !== null) return { start: pos, end: pos + m[0].length, iso: value };
  }
  return null;
}

/** Reads a whole string as a date: ISO, or null when it is none or cannot be read. */
export function readDate(raw: string): string | null {
  const t = raw.trim();
  const d = dateAt(t, 0);
  return d !== null && d.end === t.length ? d.iso : null;
}

/**
 * A line that is a date, whole or damaged: a four-digit year followed only by digits and the
 * characters of a date, optionally closed by "印发" (the printing date of the imprint).
 * Returns the date part's length within the line, or -1.
 */
export function dateLineLength(line: string, printedSuffixes: readonly string[]): number {
  const re = compiledFor(
    printedSuffixes,
    'dateLine',
    () =>
      new RegExp(
        `^(${Y}[0-9\\uff10-\\uff19${CN_NUMERAL_CHARS}年月日 \\t\\u00a0\\u3000\\-/.．]*?)${SP}(?:${alternation(printedSuffixes)})?${SP}$`,
      ),
  );
  const m = re.exec(line);
  return m === null ? -1 : m[1]!.replace(/[ \t\u00a0\u3000]+$/, '').length;
}
