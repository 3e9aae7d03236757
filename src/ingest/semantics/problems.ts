/**
 * Problems a plan names.
 *
 * Rule: a quoted passage followed by a count cue — a lead word, a number and a counter from
 * seeds/glossary.json `problemCues`, as in “…,…,…,…”等四方面问题 — lists that many problems, one per
 * clause. Clauses are split at , ; 。 (ASCII or full-width), not at 、, which joins parts of one
 * clause (广度、深度不够). When the clause count differs from the announced number, the clauses are
 * kept and PROBLEM_COUNT_MISMATCH is warned.
 *
 * A problem's name is the term quoted inside its clause (‘上热下冷’) if there is one, else the whole
 * clause as written (no trimming of tails such as 现象比较普遍: any such list would be guesswork).
 * Ids number the problems through the whole plan: `${planId}/problem-${n}`.
 */
import type { ParseWarning, ProblemModel, Span } from '../model.ts';
import { CN_NUMERAL_CHARS, parseSmallNumber } from '../parse/numerals.ts';
import type { ProblemCues } from './glossary.ts';
import { findQuotes, isTerm } from './quotes.ts';
import type { LineIndex, Outline } from './spans.ts';

export interface FoundProblem {
  readonly model: ProblemModel;
  /** Span of the quoted term that names it, when the name came from one. */
  readonly nameSpan: Span | null;
}

export interface ProblemResult {
  readonly problems: readonly FoundProblem[];
  readonly warnings: readonly ParseWarning[];
}

export function findProblems(
  planId: string,
  text: string,
  outline: Outline,
  lines: LineIndex,
  cues: ProblemCues,
): ProblemResult {
  const cue = cueRegex(cues);
  const problems: FoundProblem[] = [];
  const warnings: ParseWarning[] = [];
  for (const quote of findQuotes(text, outline.bodyStart, outline.bodyEnd)) {
    const m = cue.exec(text.slice(quote.after, quote.after + 40));
    const announced = m ? parseSmallNumber(m[1]!) : null;
    if (!m || announced === null) continue;
    const statedInId = outline.innermost(quote.innerStart, quote.innerEnd);
    if (statedInId === null) continue;
    const clauses = splitClauses(text, quote.innerStart, quote.innerEnd);
    const line = lines.lineOf(quote.innerStart);
    if (announced !== clauses.length) {
      warnings.push({
        code: 'PROBLEM_COUNT_MISMATCH',
        message: `line ${line}: the plan announces ${m[1]} (${announced}) problems after a quoted passage (${m[0].trim()}) but the passage splits into ${clauses.length} clauses; kept the clauses`,
        line,
      });
    }
    for (const [start, end] of clauses) {
      const number = problems.length + 1;
      const inner = findQuotes(text, start, end).find((q) => isTerm(q.inner));
      const span = lines.span(start, end);
      problems.push({
        model: {
          id: `${planId}/problem-${number}`,
          number,
          name: inner ? inner.inner : span.quote,
          text: span.quote,
          statedInId,
          span,
        },
        nameSpan: inner ? lines.span(inner.innerStart, inner.innerEnd) : null,
      });
    }
  }
  return { problems, warnings };
}

const NUMERAL = `[0-9\\uff10-\\uff19]+|[${CN_NUMERAL_CHARS}]+`;

function cueRegex(cues: ProblemCues): RegExp {
  const alt = (words: readonly string[]) =>
    [...words]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
  return new RegExp(
    `^[\\s\\u00a0]*(?:${alt(cues.lead)})[\\s\\u00a0]*(${NUMERAL})[\\s\\u00a0]*(?:${alt(cues.counters)})`,
  );
}

/** [start, end) of each clause, trimmed of spaces. */
function splitClauses(text: string, from: number, to: number): [number, number][] {
  const clauses: [number, number][] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i === to || /[,，;；。]/.test(text[i]!)) {
      let s = start;
      let e = i;
      while (s < e && /[\s\u00a0]/.test(text[s]!)) s++;
      while (e > s && /[\s\u00a0]/.test(text[e - 1]!)) e--;
      if (e > s) clauses.push([s, e]);
      start = i + 1;
    }
  }
  return clauses;
}
