/**
 * What can be told of a plan that stops short. Detected:
 * - a section whose heading names a kind (主要目标 → Goal) but holds no item, no sub-section and
 *   no text: its items were lost (TRUNCATED, wherever it stands);
 * - the text ends inside the ladder: the last item's text stops mid-sentence without a lead
 *   marker, a sub-item cue ends the text with nothing after it, or a heading is the last line
 *   (TRUNCATED). An unfinished last item followed by an imprint or page footer is only a warning
 *   (ITEM_UNFINISHED): the page is whole there, the item was merely written without a full stop.
 */
import { PlanParseError } from '../errors.ts';
import type { ElementModel, ParseWarning, SectionModel } from '../model.ts';
import type { ElementFacts } from './assemble.ts';
import type { LineIndex, Para } from './lines.ts';
import type { OutlineStop } from './outline.ts';
import { endsComplete, excerpt, tail } from './text.ts';

export interface CheckInput {
  readonly text: string;
  readonly paras: readonly Para[];
  readonly index: LineIndex;
  readonly sections: readonly SectionModel[];
  readonly elements: readonly ElementModel[];
  readonly facts: ReadonlyMap<string, ElementFacts>;
  readonly stop: OutlineStop;
  readonly file: string | null;
}

const label = (e: ElementModel): string =>
  `${e.kind === 'SubItem' ? 'sub-item' : e.kind.toLowerCase()} ${e.number}`;

/** The next line after offset `end`, as an error's "found". */
function nextLine(c: CheckInput, end: number): string {
  const p = c.paras.find((q) => q.start >= end);
  return p ? `${excerpt(p.text)} (line ${p.line})` : 'the end of the text';
}

export function checkCompleteness(c: CheckInput): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  const childrenOf = (id: string) => ({
    sections: c.sections.filter((s) => s.parentId === id),
    elements: c.elements.filter((e) => e.sectionId === id && e.kind !== 'SubItem'),
  });

  for (const s of c.sections) {
    const kids = childrenOf(s.id);
    if (kids.sections.length > 0 || kids.elements.length > 0 || s.text !== '') continue;
    const endsText =
      c.stop === 'end-of-text' &&
      s === c.sections.at(-1) &&
      !c.elements.some((e) => e.span.start > s.span.start);
    if (s.itemKind !== null || endsText) {
      throw new PlanParseError(
        'TRUNCATED',
        s.span.line,
        s.itemKind !== null
          ? `the items of "${s.marker}${s.title}" (${s.itemKind})`
          : `text or items under "${s.marker}${s.title}"`,
        nextLine(c, s.span.end),
        c.file,
      );
    }
    warnings.push({
      code: 'EMPTY_SECTION',
      message: `section "${s.marker}${s.title}" holds nothing`,
      line: s.span.line,
    });
  }

  const tops = c.elements.filter((e) => e.kind !== 'SubItem');
  const last = tops.at(-1);
  const lastSection = c.sections.at(-1);
  if (last === undefined || (lastSection !== undefined && lastSection.span.start > last.span.start))
    return warnings;
  const f = c.facts.get(last.id)!;
  const finished = f.hasLead || endsComplete(last.text);
  if (c.stop === 'end-of-text') {
    if (f.emptyCue) {
      throw new PlanParseError(
        'TRUNCATED',
        c.index.lineAt(f.textEnd),
        `the sub-items of ${label(last)}`,
        'the end of the text',
        c.file,
      );
    }
    if (!finished) {
      throw new PlanParseError(
        'TRUNCATED',
        c.index.lineAt(Math.max(f.textEnd - 1, 0)),
        `the end of ${label(last)} (a full stop${last.kind === 'Task' ? ' or a lead marker' : ''})`,
        `the text stopping at ${tail(last.text)}`,
        c.file,
      );
    }
  } else if (!finished) {
    warnings.push({
      code: 'ITEM_UNFINISHED',
      message: `${label(last)} ends without a full stop${last.kind === 'Task' ? ' or a lead marker' : ''}: ${tail(last.text)}`,
      line: c.index.lineAt(Math.max(f.textEnd - 1, 0)),
    });
  }
  return warnings;
}
