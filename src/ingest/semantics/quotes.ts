/**
 * Quoted passages of a plan: “…”, ‘…’, 「…」, 『…』 and straight "…" pairs on one line.
 *
 * Chinese official writing quotes two different things: a term it names (“四服务”, “3+1”) and a
 * passage it cites (“科协系统改革‘上热下冷’现象比较普遍,…”). A quoted text counts as a term when it is
 * short and holds no clause punctuation; anything else is a citation, which may hold terms of its
 * own (‘上热下冷’) and may list problems (see problems.ts).
 */
import { isWordChar } from './spans.ts';

export interface Quote {
  /** Offsets of the text between the marks. */
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly inner: string;
  /** Offset just after the closing mark. */
  readonly after: number;
}

const PAIRS: readonly (readonly [string, string])[] = [
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['"', '"'],
];

/** Longest quoted text still read as a term; longer ones are citations (a term is a name, not a sentence). */
const MAX_TERM_CHARS = 20;
const CLAUSE_PUNCTUATION = /[,，。;；:：!！?？]/;

/** Every quoted passage whose marks lie inside [from, to), in text order. */
export function findQuotes(text: string, from: number, to: number): Quote[] {
  const body = text.slice(from, to);
  const quotes: Quote[] = [];
  for (const [open, close] of PAIRS) {
    const inner = open === close ? `[^${open}\\n]*` : `[^${open}${close}\\n]*`;
    const re = new RegExp(`${open}(${inner})${close}`, 'g');
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const innerStart = from + m.index + open.length;
      const innerText = m[1] ?? '';
      quotes.push({
        innerStart,
        innerEnd: innerStart + innerText.length,
        inner: innerText,
        after: from + m.index + m[0].length,
      });
    }
  }
  return quotes.sort((a, b) => a.innerStart - b.innerStart);
}

/** A quoted text that names something (a term) rather than cites a passage. */
export function isTerm(inner: string): boolean {
  return (
    inner.length > 0 &&
    inner.length <= MAX_TERM_CHARS &&
    !CLAUSE_PUNCTUATION.test(inner) &&
    [...inner].some(isWordChar)
  );
}
