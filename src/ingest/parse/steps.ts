/**
 * Schedule steps (实施步骤, 工作进度, 时间安排 …; the words are genre.json's): each stage is a Step
 * with its period read to dates (periods.ts), never a task. Stages are numbered ("(一)动员部署
 * (2019年1月至3月)。…") or open with their period ("2019年1月至3月，…").
 */
import type { Draft, Env } from './draft.ts';
import type { Para } from './lines.ts';
import { findPeriod } from './periods.ts';

/** A stage written as paragraphs: its first paragraph's end (`headEnd`) and its last's (`end`). */
export interface StagePara extends Para {
  readonly headEnd: number;
}

/** How far into a paragraph its period may stand and still open it ("2019年1月至3月，…", "第一阶段（…）"). */
const OPENING_REACH = 12;

/** The period opening the paragraph, if any. */
function opensWithPeriod(env: Env, p: Para): boolean {
  const found = findPeriod(env.text, p.start, Math.min(p.end, p.start + OPENING_REACH + 20), null);
  return found !== null && found.start - p.start <= OPENING_REACH;
}

/**
 * Unnumbered stages: each paragraph that opens with a period starts one; paragraphs before the
 * first are the schedule's intro ("分三个阶段推进："), those after a stage belong to it. With no
 * dated paragraph at all, every paragraph is a stage.
 */
export function splitUnnumberedSteps(
  env: Env,
  paras: readonly Para[],
): { intro: Para[]; steps: StagePara[] } {
  const first = paras.findIndex((p) => opensWithPeriod(env, p));
  if (first < 0) return { intro: [], steps: paras.map((p) => ({ ...p, headEnd: p.end })) };
  const steps: StagePara[] = [];
  for (const p of paras.slice(first)) {
    const last = steps.at(-1);
    if (last !== undefined && !opensWithPeriod(env, p)) steps[steps.length - 1] = { ...last, end: p.end };
    else steps.push({ ...p, headEnd: p.end });
  }
  return { intro: paras.slice(0, first), steps };
}

/**
 * Gives each step the period its first line states. A period without a year takes the year the
 * step before ended in ("2019年1月至3月" then "4月至6月").
 */
export function datePeriods(env: Env, drafts: readonly Draft[]): void {
  let year: number | null = null;
  for (const d of drafts) {
    if (d.kind !== 'Step') continue;
    const start = d.textRange[0];
    const nl = env.text.indexOf('\n', start);
    const lineEnd = nl < 0 || nl > d.textRange[1] ? d.textRange[1] : nl;
    const found = findPeriod(env.text, start, lineEnd, year);
    if (found === null) continue;
    d.period = found;
    year = found.year ?? year;
  }
}
