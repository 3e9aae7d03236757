/**
 * What can be told of a plan that stops short. Detected:
 * - a section whose heading names a kind (主要目标 → Goal) but holds no item, no sub-section and
 *   no text: its items were lost (TRUNCATED, wherever it stands);
 * - the text ends inside the ladder: the last item's text stops mid-sentence without a lead
 *   marker, a sub-item cue ends the text with nothing after it, or a heading is the last line
 *   (TRUNCATED). An unfinished last item followed by an imprint or page footer is only a warning
 *   (ITEM_UNFINISHED): the page is whole there, the item was merely written without a full stop.
 */
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

/** Where a cut text stops: what was being read there, for the error or the partial load. */
export interface Cut {
  readonly line: number;
  /** "task 3", "principle 1", "section 一、背景形势". */
  readonly within: string;
  readonly expected: string;
  readonly found: string;
  readonly target: { readonly type: 'element' | 'section'; readonly id: string };
}

export interface Completeness {
  readonly warnings: ParseWarning[];
  /** The first place the text is cut, null when the plan is whole. */
  readonly cut: Cut | null;
}

const PAIRS: Readonly<Record<string, string>> = {
  '（': '）',
  '(': ')',
  '“': '”',
  '《': '》',
  '「': '」',
  '【': '】',
};

/**
 * A bracket or quote left open at the end of a text ("…试点。（税务总局、财政部", "…推广“增值税。"):
 * the text stops inside it. Returns the opening mark, or null.
 */
export function openMarkAtEnd(text: string): string | null {
  const stack: string[] = [];
  for (const ch of text) {
    if (PAIRS[ch] !== undefined) stack.push(ch);
    else if (stack.length > 0 && PAIRS[stack.at(-1)!] === ch) stack.pop();
  }
  return stack.at(-1) ?? null;
}

/** A list item's end ("…；"): at the end of the text, the list goes on past it. */
const MID_LIST = /[；;][\s\u3000]*$/;

/** Ends as a whole text does: a finished sentence, no bracket or quote open, not mid-list. */
const endsWhole = (text: string): boolean =>
  endsComplete(text) && openMarkAtEnd(text) === null && !MID_LIST.test(text);

/** What a cut text was found stopping at, in words. */
function stopping(text: string): string {
  const open = openMarkAtEnd(text);
  if (open !== null) return `the text stopping inside an open ${open}: ${tail(text)}`;
  if (MID_LIST.test(text)) return `the text stopping after a list item ending "；": ${tail(text)}`;
  return `the text stopping at ${tail(text)}`;
}

const sectionLabel = (s: SectionModel): string =>
  s.marker === '' ? 'the list of items' : `section "${s.marker}${s.title}"`;

export function checkCompleteness(c: CheckInput & { readonly outlineOnOneLine: boolean }): Completeness {
  const warnings: ParseWarning[] = [];
  const kids = new Map<string, number>();
  for (const s of c.sections) if (s.parentId !== null) kids.set(s.parentId, (kids.get(s.parentId) ?? 0) + 1);
  for (const e of c.elements)
    if (e.kind !== 'SubItem') kids.set(e.sectionId, (kids.get(e.sectionId) ?? 0) + 1);

  for (const s of c.sections) {
    if ((kids.get(s.id) ?? 0) > 0 || s.text !== '') continue;
    const endsText =
      c.stop === 'end-of-text' &&
      s === c.sections.at(-1) &&
      !c.elements.some((e) => e.span.start > s.span.start);
    // A table of contents lists headings with nothing under them: that is its shape, not a cut.
    if ((s.itemKind !== null && !c.outlineOnOneLine) || endsText) {
      return {
        warnings,
        cut: {
          line: s.span.line,
          within: sectionLabel(s),
          expected:
            s.itemKind !== null
              ? `the items of "${s.marker}${s.title}" (${s.itemKind})`
              : `text or items under "${s.marker}${s.title}"`,
          found: nextLine(c, s.span.end),
          target: { type: 'section', id: s.id },
        },
      };
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
  if (last === undefined || (lastSection !== undefined && lastSection.span.start > last.span.start)) {
    // The text ends in a section's heading or intro: it is cut when that text stops mid-sentence.
    if (lastSection === undefined || c.stop !== 'end-of-text' || lastSection.text === '')
      return { warnings, cut: null };
    if (endsWhole(lastSection.text)) return { warnings, cut: null };
    const end = lastSection.textSpan?.end ?? lastSection.span.end;
    return {
      warnings,
      cut: {
        line: c.index.lineAt(Math.max(end - 1, 0)),
        within: sectionLabel(lastSection),
        expected: `the end of the text of ${sectionLabel(lastSection)} (a full stop)`,
        found: stopping(lastSection.text),
        target: { type: 'section', id: lastSection.id },
      },
    };
  }
  const f = c.facts.get(last.id)!;
  const finished = f.hasLead || endsComplete(last.text);
  // At the end of the text, a last item left inside a bracket or quote, or ending "；", is cut.
  const whole = f.hasLead || endsWhole(last.text);
  const at = (line: number, expected: string, found: string): Completeness => ({
    warnings,
    cut: { line, within: label(last), expected, found, target: { type: 'element', id: last.id } },
  });
  if (c.stop === 'end-of-text') {
    if (f.emptyCue)
      return at(c.index.lineAt(f.textEnd), `the sub-items of ${label(last)}`, 'the end of the text');
    if (!whole) {
      return at(
        c.index.lineAt(Math.max(f.textEnd - 1, 0)),
        `the end of ${label(last)} (a full stop${last.kind === 'Task' ? ' or a lead marker' : ''})`,
        stopping(last.text),
      );
    }
  } else if (!finished) {
    warnings.push({
      code: 'ITEM_UNFINISHED',
      message: `${label(last)} ends without a full stop${last.kind === 'Task' ? ' or a lead marker' : ''}: ${tail(last.text)}`,
      line: c.index.lineAt(Math.max(f.textEnd - 1, 0)),
    });
  }
  return { warnings, cut: null };
}
