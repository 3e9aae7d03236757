/**
 * The raw text as paragraphs. In captured plans a paragraph is a line; blank lines, including
 * lines of a lone NBSP or ideographic spaces, separate them. Offsets stay those of the raw text.
 */
import type { Span } from '../model.ts';
import { spaceAt } from './text.ts';

/** A non-blank line, trimmed of surrounding white space (offsets into the raw text). */
export interface Para {
  /** Position among paragraphs (0-based). */
  readonly index: number;
  /** 1-based line. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** text.slice(start, end) */
  readonly text: string;
}

/** Maps offsets to 1-based lines. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly source: string) {
    for (let i = 0; i < source.length; i++) {
      const ch = source.charCodeAt(i);
      if (ch === 10)
        this.starts.push(i + 1); // \n
      else if (ch === 13 && source.charCodeAt(i + 1) !== 10) this.starts.push(i + 1); // \r alone
    }
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The span of [start, end): quote is exactly the slice, line that of start. */
  span(start: number, end: number): Span {
    return { start, end, line: this.lineAt(start), quote: this.source.slice(start, end) };
  }
}

export function splitParas(text: string): Para[] {
  const paras: Para[] = [];
  const re = /[^\r\n]*(?:\r\n|\n|\r|$)/g;
  let line = 0;
  for (let m = re.exec(text); m !== null && m.index < text.length; m = re.exec(text)) {
    line++;
    let s = m.index;
    let e = m.index + m[0].replace(/[\r\n]+$/, '').length;
    while (s < e && spaceAt(text, s)) s++;
    while (e > s && spaceAt(text, e - 1)) e--;
    if (e > s) paras.push({ index: paras.length, line, start: s, end: e, text: text.slice(s, e) });
    if (m[0].length === 0) break;
  }
  return paras;
}
