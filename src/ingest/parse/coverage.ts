/**
 * The parser's promise, checked on every parse: "bad input gets a clear error and loses nothing".
 * Every non-blank line of the body (from the first heading to where the outline ends) lies in a
 * section's heading, intro or closing text, in an element, or on the line of a warning. A line that
 * none of them holds was lost on the way; it is named here rather than dropped in silence.
 */
import type { ElementModel, ParseWarning, SectionModel, Span } from '../model.ts';
import type { Para } from './lines.ts';

export interface CoverageInput {
  readonly paras: readonly Para[];
  /** The body: paras[bodyStart, bodyEnd). */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly sections: readonly SectionModel[];
  readonly elements: readonly ElementModel[];
  readonly warnings: readonly ParseWarning[];
}

/** How many lines a TEXT_UNACCOUNTED message lists before it only counts. */
const LISTED = 10;

function spansOf(c: CoverageInput): Span[] {
  const spans: Span[] = [];
  for (const s of c.sections) {
    spans.push(s.span);
    if (s.textSpan) spans.push(s.textSpan);
    if (s.closingSpan) spans.push(s.closingSpan);
  }
  for (const e of c.elements) if (e.kind !== 'SubItem') spans.push(e.span);
  return spans.sort((a, b) => a.start - b.start);
}

/** One TEXT_UNACCOUNTED warning naming the lines nothing holds, or none. Linear after a sort. */
export function checkCoverage(c: CoverageInput): ParseWarning[] {
  const spans = spansOf(c);
  const named = new Set(c.warnings.map((w) => w.line));
  const lost: number[] = [];
  let k = 0;
  let reach = -1; // furthest end among spans starting before the current line's end
  for (let i = c.bodyStart; i < c.bodyEnd; i++) {
    const p = c.paras[i]!;
    while (k < spans.length && spans[k]!.start < p.end) reach = Math.max(reach, spans[k++]!.end);
    if (reach > p.start || named.has(p.line)) continue;
    lost.push(p.line);
  }
  if (lost.length === 0) return [];
  const listed = lost.slice(0, LISTED).join(', ');
  const more = lost.length > LISTED ? ` and ${lost.length - LISTED} more` : '';
  return [
    {
      code: 'TEXT_UNACCOUNTED',
      message: `${lost.length === 1 ? 'line' : 'lines'} ${listed}${more} of the plan body ${lost.length === 1 ? 'is' : 'are'} in no section, item or closing text, and no warning names ${lost.length === 1 ? 'it' : 'them'}`,
      line: lost[0]!,
    },
  ];
}
