/**
 * Positions in the plan's text: spans with line numbers, and the innermost part of the outline
 * (sub-item, element, section, preamble) that holds a position.
 *
 * Everything here works on offsets into the raw decoded text, never on normalised copies, so that
 * `text.slice(start, end) === quote` holds for every span made here.
 */
import type { ElementModel, SectionModel, Span } from '../model.ts';

/** What the positional helpers need of a parsed outline (SemanticsInput has it). */
export interface OutlineInput {
  readonly planId: string;
  readonly sections: readonly SectionModel[];
  readonly elements: readonly ElementModel[];
  readonly preambleSpan: Span | null;
}

/** Maps offsets to 1-based lines. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  span(start: number, end: number): Span {
    return { start, end, line: this.lineOf(start), quote: this.text.slice(start, end) };
  }
}

/** A stretch of text that belongs to one part of the outline. */
export interface Region {
  /** Element id, section id, or the plan id (preamble). */
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The plan body as regions: every element span, every section heading and intro, the preamble,
 * and each section's whole extent (so that text after a section's last item, such as a closing
 * sentence under the task list, still belongs to that section). Text in none of them — the page
 * around the plan — belongs to nothing.
 */
export class Outline {
  private readonly regions: Region[];
  /** Start and end of the body: the smallest range covering every region. */
  readonly bodyStart: number;
  readonly bodyEnd: number;

  constructor(input: OutlineInput) {
    const regions: Region[] = [];
    for (const e of input.elements) regions.push({ id: e.id, start: e.span.start, end: e.span.end });
    for (const s of input.sections) {
      regions.push({ id: s.id, start: s.span.start, end: s.span.end });
      if (s.textSpan) regions.push({ id: s.id, start: s.textSpan.start, end: s.textSpan.end });
    }
    if (input.preambleSpan) {
      regions.push({ id: input.planId, start: input.preambleSpan.start, end: input.preambleSpan.end });
    }
    const bodyEnd = Math.max(0, ...regions.map((r) => r.end));
    regions.push(...sectionExtents(input, bodyEnd));
    this.regions = regions;
    this.bodyStart = regions.length === 0 ? 0 : Math.min(...regions.map((r) => r.start));
    this.bodyEnd = bodyEnd;
  }

  /** Id of the smallest region containing [start, end), or null outside the body. */
  innermost(start: number, end: number): string | null {
    let best: Region | null = null;
    for (const r of this.regions) {
      if (r.start <= start && end <= r.end && (!best || r.end - r.start < best.end - best.start)) {
        best = r;
      }
    }
    return best?.id ?? null;
  }
}

/** A section runs from its heading to the next heading of the same or a higher level. */
function sectionExtents(input: OutlineInput, bodyEnd: number): Region[] {
  const sections = [...input.sections].sort((a, b) => a.span.start - b.span.start);
  return sections.map((s, i) => {
    const next = sections.slice(i + 1).find((t) => t.level <= s.level);
    return { id: s.id, start: s.span.start, end: next ? next.span.start : bodyEnd };
  });
}

/** Characters that make up phrases and terms: CJK ideographs, Latin letters and digits (ASCII or full-width). */
export function isWordChar(ch: string): boolean {
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(ch);
}

/** CJK ideographs only. */
export function isHan(ch: string): boolean {
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(ch);
}
