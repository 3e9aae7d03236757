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
  /** Regions by block of text (byBlock). */
  private readonly blocks: Region[][];
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
    this.blocks = byBlock(regions);
    this.bodyStart = regions.length === 0 ? 0 : Math.min(...regions.map((r) => r.start));
    this.bodyEnd = bodyEnd;
  }

  /** Id of the smallest region containing [start, end), or null outside the body. */
  innermost(start: number, end: number): string | null {
    let best: Region | null = null;
    // Every region holding [start, end) covers the block of `start`: only that block's are tried.
    for (const r of this.blocks[Math.min(Math.floor(start / BLOCK), this.blocks.length - 1)] ?? []) {
      if (r.start <= start && end <= r.end && (!best || r.end - r.start < best.end - best.start)) {
        best = r;
      }
    }
    return best?.id ?? null;
  }
}

/**
 * Regions by block of BLOCK characters: each block lists, in the regions' order, those that
 * reach into it (ends included). A look-up tries a block's few regions, not all of them: with
 * one mention per few lines and one region per element, a scan of all regions would make the
 * mentions of a plan quadratic in its size.
 */
const BLOCK = 512;

function byBlock(regions: readonly Region[]): Region[][] {
  const last = Math.max(0, ...regions.map((r) => Math.floor(r.end / BLOCK)));
  const blocks: Region[][] = Array.from({ length: last + 1 }, () => []);
  for (const r of regions) {
    if (r.start > r.end) continue; // holds nothing
    for (let b = Math.floor(Math.max(0, r.start) / BLOCK); b <= Math.floor(r.end / BLOCK); b++)
      blocks[b]!.push(r);
  }
  return blocks;
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
const WORD_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** isHan for one UTF-16 code unit. */
export const isHanCode = (c: number): boolean =>
  (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** isWordChar for one UTF-16 code unit: no string is made per character of a plan. */
export const isWordCode = (c: number): boolean =>
  isHanCode(c) ||
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0xff10 && c <= 0xff19) ||
  (c >= 0xff21 && c <= 0xff3a) ||
  (c >= 0xff41 && c <= 0xff5a);

export function isWordChar(ch: string): boolean {
  return typeof ch === 'string' && ch.length === 1 ? isWordCode(ch.charCodeAt(0)) : WORD_CHAR.test(ch);
}

/** CJK ideographs only. */
export function isHan(ch: string): boolean {
  return typeof ch === 'string' && ch.length === 1 ? isHanCode(ch.charCodeAt(0)) : HAN.test(ch);
}
