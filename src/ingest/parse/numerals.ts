/**
 * Chinese numerals as headings and dates use them: 一 … 九十九 (一、, (十二)) and digit-by-digit
 * years (二〇一八). Full-width digits count as digits.
 */
const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  '○': 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

export const CN_NUMERAL_CHARS = '〇○零一二两三四五六七八九十';

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 九十九 → 99; null for anything else. */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0 || s.length > 3) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 && DIGITS[s] !== undefined && DIGITS[s] !== 0 ? DIGITS[s]! : null;
  if (s.indexOf('十', ten + 1) >= 0) return null;
  const head = s.slice(0, ten);
  const rest = s.slice(ten + 1);
  const tens = head === '' ? 1 : head.length === 1 ? (DIGITS[head] ?? null) : null;
  const units = rest === '' ? 0 : rest.length === 1 ? (DIGITS[rest] ?? null) : null;
  if (tens === null || units === null || tens === 0) return null;
  return tens * 10 + units;
}

/** Digit by digit: 二〇一八 → 2018, ２０１８ → 2018; null when a character is not a digit. */
export function parseDigitString(s: string): number | null {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    let d: number | undefined;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0xff10 && c <= 0xff19) d = c - 0xff10;
    else d = DIGITS[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return s.length > 0 ? n : null;
}

/** A month or day written either way: 4, ０４, 四, 十二, 二十三. */
export function parseSmallNumber(s: string): number | null {
  return parseDigitString(s) ?? parseChineseNumeral(s);
}
