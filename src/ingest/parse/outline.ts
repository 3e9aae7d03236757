/**
 * Walks the numbering ladder (GB/T 9704-2012 §7.3.3: 一、 / (一) / 1. / (1), rungs may be
 * skipped) BY EXPECTED SEQUENCE. After item n of a rung the next item is n+1, whatever brackets
 * survived capture: "(2" and "6)" and a bare "1" are read as the numbers the sequence expects and
 * reported as repaired. A number that fits no expectation is text ("2018年…") unless its marker is
 * intact, which is a numbering gap (3. followed by 5.).
 *
 * The result is a tree of numbered blocks; what each block IS (section, task, …) is classify.ts's
 * question.
 */
import { PlanParseError } from '../errors.ts';
import type { ParseWarning } from '../model.ts';
import type { Genre } from '../seed-data.ts';
import { isBackMatter, isImprint, isPageFooter } from './chrome.ts';
import { inlineLeadAtEnd, isAssignmentLabel, labelLeadIn } from './leads.ts';
import type { Para } from './lines.ts';
import { dashAt, describeDamage, familyOf, LADDER, markerAt, numberedOpening, rankOf } from './markers.ts';
import type { Marker, MarkerShape } from './markers.ts';
import { endsComplete, excerpt } from './text.ts';

export interface Block {
  readonly marker: Marker;
  /** The rung it stands on (a damaged marker takes the rung the sequence expected). */
  readonly shape: MarkerShape;
  readonly number: number;
  readonly head: Para;
  /** Unnumbered paragraphs after the head and before the first child. */
  readonly paras: Para[];
  readonly children: Block[];
}

export type OutlineStop = 'end-of-text' | 'back-matter' | 'unrecognised';

export interface Outline {
  readonly roots: readonly Block[];
  /** Index of the first paragraph after the outline. */
  readonly endIndex: number;
  readonly stop: OutlineStop;
  readonly warnings: readonly ParseWarning[];
}

interface Level {
  readonly shape: MarkerShape | null; // null: the root
  readonly block: Block | null;
  readonly children: Block[];
}

/**
 * The last number read on each rung anywhere before, in document order. A plan may number its
 * items straight through its headings (1.–45. across 一、二、三, or （一）–（五十三） across topic
 * headings): the first item under a new heading then continues this sequence instead of restarting
 * at 1 (GB/T 9704 allows both).
 */
type Running = ReadonlyMap<MarkerShape, number>;

type Placement =
  | { readonly kind: 'sibling'; readonly depth: number; readonly shape: MarkerShape }
  | { readonly kind: 'child'; readonly depth: number; readonly shape: MarkerShape };

const rank = (l: Level): number => (l.shape === null ? -1 : rankOf(l.shape));
const lastNumber = (l: Level): number => l.block?.number ?? 0;

/** Where a marker fits on the open ladder, or null. `stack[0]` is the root. */
function place(m: Marker, stack: readonly Level[], running: Running): Placement | null {
  const top = stack.length - 1;
  // 1. The next number on a rung of the same shape.
  for (let d = top; d >= 1; d--) {
    if (stack[d]!.shape === m.shape && m.number === lastNumber(stack[d]!) + 1) {
      return { kind: 'sibling', depth: d, shape: m.shape! };
    }
  }
  // 2. The first item (or the carried-on next) of a new, deeper rung under the innermost item.
  const open = new Set(stack.map((l) => l.shape));
  const childShape = (parent: Level): MarkerShape | null =>
    m.shape ??
    LADDER.find((s) => familyOf(s) === m.family && rankOf(s) > rank(parent) && !open.has(s)) ??
    null;
  const opens = (parent: Level, shape: MarkerShape): boolean =>
    rankOf(shape) > rank(parent) &&
    !open.has(shape) &&
    (m.number === 1 || m.number === (running.get(shape) ?? -1) + 1);
  const inner = childShape(stack[top]!);
  // A damaged Chinese numeral ("(一带一路…") never opens a rung: too easily prose.
  if (inner !== null && !(m.damage !== null && m.family === 'cn') && opens(stack[top]!, inner)) {
    return { kind: 'child', depth: top, shape: inner };
  }
  // 3. A damaged marker continuing a rung of its family ("(2" after "1.", "6)" after "(5").
  if (m.damage !== null) {
    for (let d = top; d >= 1; d--) {
      const shape = stack[d]!.shape!;
      if (familyOf(shape) === m.family && m.number === lastNumber(stack[d]!) + 1)
        return { kind: 'sibling', depth: d, shape };
    }
    return null;
  }
  // 4. An intact marker opening a rung between two open ones ((一) after the 1. items of 一、).
  for (let d = top - 1; d >= 0; d--) {
    const parent = stack[d]!;
    const shape = m.shape!;
    if (
      rankOf(shape) < rank(stack[d + 1]!) &&
      rankOf(shape) > rank(parent) &&
      (m.number === 1 || opens(parent, shape))
    ) {
      return { kind: 'child', depth: d, shape };
    }
  }
  return null;
}

/** What the sequence expected, for a NUMBERING_GAP message. */
function expectation(m: Marker, stack: readonly Level[], running: Running): string {
  const same = stack.find((l) => l.shape !== null && l.shape === m.shape);
  if (same) return `item ${lastNumber(same) + 1}`;
  const before = m.shape === null ? undefined : running.get(m.shape);
  return before === undefined
    ? 'item 1'
    : `item 1 or item ${before + 1} (numbering continued across headings)`;
}

/** A sentence ends inside it, or it is a long run of Chinese: prose, though its end may be lost. */
function isProse(p: Para): boolean {
  return (
    /[。；;！？]./.test(p.text) ||
    (/[，,、]/.test(p.text) && p.text.length > 20) ||
    (p.text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) > 40
  );
}

/** A sentence introducing what follows it ("整治工作分三个阶段进行："): not a label, which is short. */
function leadsIn(p: Para): boolean {
  return /[:：]$/.test(p.text) && (p.text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 8;
}

/** Prose or an assignment line: what may continue a numbered item. */
function continuesItem(text: string, p: Para, genre: Genre): boolean {
  const none = new Set<string>();
  return (
    endsComplete(p.text) ||
    isProse(p) ||
    leadsIn(p) ||
    isAssignmentLabel(p.text, genre) ||
    inlineLeadAtEnd(text, p.start, p.end, genre, none) !== null ||
    labelLeadIn(text, p.start, p.end, genre, none) !== null
  );
}

export function walkOutline(
  text: string,
  paras: readonly Para[],
  start: number,
  genre: Genre,
  file: string | null,
): Outline {
  const warnings: ParseWarning[] = [];
  const roots: Block[] = [];
  const stack: Level[] = [{ shape: null, block: null, children: roots }];
  const running = new Map<MarkerShape, number>();
  const q = genre.quantityFollowers;

  const apply = (m: Marker, pl: Placement, head: Para): void => {
    const block: Block = { marker: m, shape: pl.shape, number: m.number, head, paras: [], children: [] };
    stack.length = pl.kind === 'sibling' ? pl.depth : pl.depth + 1;
    stack.at(-1)!.children.push(block);
    running.set(pl.shape, m.number);
    stack.push({ shape: pl.shape, block, children: block.children });
    if (m.damage !== null) {
      warnings.push({
        code: 'NUMBER_REPAIRED',
        message: `${describeDamage(m)}; read as item ${m.number} by the expected sequence`,
        line: head.line,
      });
    }
  };

  let i = start;
  let stop: OutlineStop = 'end-of-text';
  // Index of the next line that continues the ladder, once one was found past an odd line: the
  // lines before it are the current item's, whatever they look like.
  let resumeAt = -1;
  for (; i < paras.length; i++) {
    const p = paras[i]!;
    const top = stack.at(-1)!;
    const m =
      markerAt(text, p.start, q) ??
      (top.block !== null ? dashAt(text, p.start, top.shape === 'dash' ? top.block.number + 1 : 1) : null);
    if (m !== null) {
      const pl = place(m, stack, running);
      if (pl !== null) {
        apply(m, pl, p);
        continue;
      }
      // A five-digit number ("10000.") is a marker only where the sequence expects it: elsewhere
      // it is more likely a figure than a jump of thousands of items.
      if (m.damage === null && m.number < 10000) {
        throw new PlanParseError('NUMBERING_GAP', p.line, expectation(m, stack, running), `"${m.raw}"`, file);
      }
    }
    const current = stack.at(-1)!.block!;
    const back = isBackMatter(paras, i, genre);
    if (!back && continuesItem(text, p, genre)) {
      current.paras.push(p);
      const opening = numberedOpening(text, p.start);
      if (opening !== null) {
        warnings.push({
          code: 'NUMBER_UNREAD',
          message: `line ${excerpt(p.text)} opens like a numbered item ("${opening}") but fits no place in the numbering after item ${current.number}; kept as text with item ${current.number}`,
          line: p.line,
        });
      }
      continue;
    }
    // A line that is neither numbered nor prose, or looks like back matter, ends the body unless
    // an item of the expected sequence follows before the imprint: then it is kept, and named.
    if (i > resumeAt) {
      const ends = isImprint(paras, i, genre) || isPageFooter(p);
      resumeAt = ends ? -1 : resumeIndex(text, paras, i, stack, running, genre);
      if (resumeAt < 0) {
        stop = back ? 'back-matter' : 'unrecognised';
        break;
      }
    }
    current.paras.push(p);
    warnings.push({
      code: 'TEXT_UNRECOGNISED',
      message: `line ${excerpt(p.text)} is neither numbered nor a sentence; kept with item ${current.number}`,
      line: p.line,
    });
  }
  return { roots, endIndex: i, stop, warnings };
}

/**
 * The first line after `i`, before the imprint or the page footer, that continues the ladder: an
 * undamaged marker that fits, or a damaged one that is exactly the next item of an open rung.
 * -1 when there is none.
 */
function resumeIndex(
  text: string,
  paras: readonly Para[],
  i: number,
  stack: readonly Level[],
  running: Running,
  genre: Genre,
): number {
  for (let j = i + 1; j < paras.length; j++) {
    if (isImprint(paras, j, genre) || isPageFooter(paras[j]!)) return -1;
    const m = markerAt(text, paras[j]!.start, genre.quantityFollowers);
    if (m === null) continue;
    const pl = place(m, stack, running);
    if (pl !== null && (m.damage === null || pl.kind === 'sibling')) return j;
  }
  return -1;
}
