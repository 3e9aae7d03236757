/**
 * Numbering markers of official documents, recognised on the RAW text (GB/T 9704-2012 §7.3.3:
 * 一、 / （一） / 1. / （1）; ① as a common fifth level). Normalising first would lose levels
 * (NFKC maps ① to 1), so markers are read before anything else and keep their raw offsets.
 *
 * Captured pages damage markers: "(2加快" (closing bracket lost), "6)完善" (opening bracket
 * lost), "1探索" (bare digit). Such a marker is returned with its `damage`; whether it IS a marker
 * is for the caller to decide by the expected sequence (outline.ts, items.ts).
 */
import { CN_NUMERAL_CHARS, parseChineseNumeral, parseDigitString } from './numerals.ts';

/** Rungs of the ladder, outermost first. */
export const LADDER = ['cn-comma', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled', 'dash'] as const;
export type MarkerShape = (typeof LADDER)[number];
export type MarkerFamily = 'cn' | 'arabic' | 'circled' | 'dash';
export type MarkerDamage = 'missing-close' | 'missing-open' | 'bare';

export const rankOf = (shape: MarkerShape): number => LADDER.indexOf(shape);

export function familyOf(shape: MarkerShape): MarkerFamily {
  switch (shape) {
    case 'cn-comma':
    case 'cn-paren':
      return 'cn';
    case 'arabic-dot':
    case 'arabic-paren':
      return 'arabic';
    case 'circled':
      return 'circled';
    case 'dash':
      return 'dash';
    default: {
      const never: never = shape;
      throw new Error(`unknown marker shape ${String(never)}`);
    }
  }
}

export interface Marker {
  /** The rung it claims; for a bare digit the best guess is left to the caller (null). */
  readonly shape: MarkerShape | null;
  readonly family: MarkerFamily;
  readonly number: number;
  /** Offsets of the marker itself in the raw text: "(2)" or "(2" or "一、". */
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /** Where the item's own text begins (after the marker and any blanks). */
  readonly bodyStart: number;
  readonly damage: MarkerDamage | null;
}

const S = '[ \\t\\u00a0\\u3000]*';
const D = '[0-9\\uff10-\\uff19]{1,3}';
// "1000." or "10000." may open an item of a long 任务分解 table; other shapes stay within three digits so
// that years in prose ("2018全国…", "(2018)年") are never read as markers.
const D_DOT = '[0-9\\uff10-\\uff19]{1,5}';
const CN = `[${CN_NUMERAL_CHARS}]{1,3}`;
const NOT_DIGIT_AFTER = '(?![0-9\\uff10-\\uff19])';
/** Text that may follow a bare number used as a marker: a Chinese character or an opening quote. */
const TEXT_AFTER = '(?=[\\u4e00-\\u9fff“‘《「])';

interface Pattern {
  readonly re: RegExp;
  readonly shape: MarkerShape | null;
  readonly family: MarkerFamily;
  readonly damage: MarkerDamage | null;
}

const p = (
  src: string,
  shape: MarkerShape | null,
  family: MarkerFamily,
  damage: MarkerDamage | null,
): Pattern => ({
  re: new RegExp(src, 'y'),
  shape,
  family,
  damage,
});

// Order matters: whole markers before damaged ones, so "(2)" is never read as "(2".
const PATTERNS: readonly Pattern[] = [
  p(`([\\u2460-\\u2473])`, 'circled', 'circled', null),
  p(`([\\u2474-\\u2487])`, 'arabic-paren', 'arabic', null),
  p(`([\\u2488-\\u249b])`, 'arabic-dot', 'arabic', null),
  p(`[(（]${S}(${CN})${S}[)）]`, 'cn-paren', 'cn', null),
  p(`[(（]${S}(${D})${S}[)）]`, 'arabic-paren', 'arabic', null),
  p(`(${CN})${S}[、，,.．]`, 'cn-comma', 'cn', null),
  p(`(${D_DOT})${S}[.．、]${NOT_DIGIT_AFTER}`, 'arabic-dot', 'arabic', null),
  p(`(${CN})${S}[)）]`, 'cn-paren', 'cn', 'missing-open'),
  p(`(${D})${S}[)）]`, 'arabic-paren', 'arabic', 'missing-open'),
  p(`[(（]${S}(${CN})(?![)）${CN_NUMERAL_CHARS}])`, 'cn-paren', 'cn', 'missing-close'),
  p(`[(（]${S}(${D})${NOT_DIGIT_AFTER}(?![)）.．])`, 'arabic-paren', 'arabic', 'missing-close'),
  p(`(${D})${NOT_DIGIT_AFTER}${TEXT_AFTER}`, null, 'arabic', 'bare'),
];

function numberOf(digits: string, family: MarkerFamily): number | null {
  if (family === 'circled') return digits.codePointAt(0)! - 0x245f;
  const c = digits.codePointAt(0)!;
  if (c >= 0x2474 && c <= 0x2487) return c - 0x2473;
  if (c >= 0x2488 && c <= 0x249b) return c - 0x2487;
  return family === 'cn' ? parseChineseNumeral(digits) : parseDigitString(digits);
}

/**
 * PATTERNS by the code unit a marker starts with, in their order: a circled or bracketed number,
 * a bracket, a Chinese numeral or a digit each opens only some shapes. Most characters of a plan
 * open none (an empty list): the patterns are tried only where one could match.
 */
const BY_FIRST: readonly (readonly Pattern[])[] = (() => {
  const [circled, parenArabic, dotArabic, cnParen, arabicParen, cnComma, arabicDot] = PATTERNS;
  const [cnMissingOpen, arabicMissingOpen, cnMissingClose, arabicMissingClose, bare] = PATTERNS.slice(7);
  const none: readonly Pattern[] = [];
  const table: (readonly Pattern[])[] = new Array<readonly Pattern[]>(0x10000).fill(none);
  const set = (chars: string, pats: (Pattern | undefined)[]) => {
    for (const c of chars) table[c.charCodeAt(0)] = pats.filter((x) => x !== undefined);
  };
  for (let c = 0x2460; c <= 0x249b; c++) set(String.fromCharCode(c), [circled, parenArabic, dotArabic]);
  set('(（', [cnParen, arabicParen, cnMissingClose, arabicMissingClose]);
  set(CN_NUMERAL_CHARS, [cnComma, cnMissingOpen]);
  let digits = '0123456789';
  for (let c = 0xff10; c <= 0xff19; c++) digits += String.fromCharCode(c);
  set(digits, [arabicDot, arabicMissingOpen, bare]);
  return table;
})();

/** Whether a marker may start with this code unit (false for NaN: past the end of the text). */
export const canOpenMarker = (c: number): boolean => (BY_FIRST[c]?.length ?? 0) > 0;

/**
 * The marker starting exactly at `pos`, or null. A damaged arabic marker followed by a quantity
 * word ("4个", "1970项") is a number in prose, not a marker.
 */
export function markerAt(text: string, pos: number, quantityFollowers: readonly string[]): Marker | null {
  const patterns = BY_FIRST[text.charCodeAt(pos)];
  if (patterns === undefined) return null;
  for (const pat of patterns) {
    pat.re.lastIndex = pos;
    const m = pat.re.exec(text);
    if (m === null) continue;
    const n = numberOf(m[1]!, pat.family);
    if (n === null || n < 1) continue;
    const end = pos + m[0].length;
    if (pat.damage !== null && pat.family === 'arabic') {
      const next = text[end];
      if (next !== undefined && quantityFollowers.includes(next)) continue;
    }
    let bodyStart = end;
    while (bodyStart < text.length && ' \t\u00a0\u3000'.includes(text[bodyStart]!)) bodyStart++;
    return {
      shape: pat.shape,
      family: pat.family,
      number: n,
      start: pos,
      end,
      raw: m[0],
      bodyStart,
      damage: pat.damage,
    };
  }
  return null;
}

/**
 * Every marker starting in [start, end), in order: markerAt at each position, read once. A caller
 * that looks for item 1, then 2, then 3 … in the same stretch walks this list, not the text.
 */
export function markersIn(
  text: string,
  start: number,
  end: number,
  quantityFollowers: readonly string[],
): Marker[] {
  const found: Marker[] = [];
  for (let pos = start; pos < end; pos++) {
    if (!canOpenMarker(text.charCodeAt(pos))) continue;
    const m = markerAt(text, pos, quantityFollowers);
    if (m !== null) found.push(m);
  }
  return found;
}

/**
 * A "——" bullet opening a paragraph (——强化政治引领。…): items without numbers, as principles
 * and measures are often listed. Its number is its place in the list, which the caller knows.
 */
export function dashAt(text: string, pos: number, number: number): Marker | null {
  const m = /(?:——|－－|--|—)(?=[^—\-－\s\u00a0\u3000])/y;
  m.lastIndex = pos;
  const hit = m.exec(text);
  if (hit === null) return null;
  const end = pos + hit[0].length;
  return {
    shape: 'dash',
    family: 'dash',
    number,
    start: pos,
    end,
    raw: hit[0],
    bodyStart: end,
    damage: null,
  };
}

/** How a damaged marker was read, for NUMBER_REPAIRED warnings. */
export function describeDamage(m: Marker): string {
  switch (m.damage) {
    case 'missing-close':
      return `marker "${m.raw}" lacks its closing bracket`;
    case 'missing-open':
      return `marker "${m.raw}" lacks its opening bracket`;
    case 'bare':
      return `marker "${m.raw}" lost its brackets or full stop`;
    case null:
      return `marker "${m.raw}"`;
    default: {
      const never: never = m.damage;
      throw new Error(`unknown damage ${String(never)}`);
    }
  }
}

const DIGITS = '[0-9\\uff10-\\uff19]+';
const CN_ANY = `[${CN_NUMERAL_CHARS}]+`;
/**
 * The opening of a numbered line in any shape and of any length, read or not: "10000.", "(12)",
 * "十二、", "3)", "⑩". A decimal ("2.5亿") or a year ("2018年") is no such opening.
 */
const NUMBERED_OPENING = new RegExp(
  `[(（]${S}(?:${DIGITS}|${CN_ANY})${S}[)）]|${DIGITS}${S}[.．、)）]${NOT_DIGIT_AFTER}|${CN_ANY}${S}[、)）]|[\\u2460-\\u24ff\\u2776-\\u2793]+`,
  'y',
);

/** The numbering-like opening at `pos` ("10000."), or null: for lines the ladder could not place. */
export function numberedOpening(text: string, pos: number): string | null {
  NUMBERED_OPENING.lastIndex = pos;
  return NUMBERED_OPENING.exec(text)?.[0] ?? null;
}
