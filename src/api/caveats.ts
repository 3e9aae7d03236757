/**
 * What a reader must be told before trusting a plan's numbers: a cut text (loaded with --partial)
 * stops somewhere, and nothing after that line was read; a plan without goals has no coverage of
 * goals to show. The landing page, the API (Plan.caveats, Coverage.caveats, PlanComparison.caveats)
 * and the explorer say it in these same words.
 */

interface Warning {
  readonly code: string;
  readonly message: string;
  readonly line: number | null;
}

/** What the plan row holds about how far its text was read. */
export interface ReadExtent {
  readonly id: string;
  readonly complete?: boolean | null;
  readonly warningsJson: string;
}

export interface Cut {
  /** 1-based line of the source where the text stops; null if the warning names none. */
  readonly line: number | null;
  /** The element or section it stops in, as the TRUNCATED warning names it (e.g. "task 2"). */
  readonly within: string | null;
}

/** Where a cut text stops (its TRUNCATED warning); null for a complete plan. */
export function cutOf(plan: ReadExtent): Cut | null {
  if (plan.complete ?? true) return null;
  const warnings = JSON.parse(plan.warningsJson) as Warning[];
  const cut = warnings.find((w) => w.code === 'TRUNCATED');
  return {
    line: cut?.line ?? null,
    within: /in (.+?): expected/.exec(cut?.message ?? '')?.[1] ?? null,
  };
}

/** "stops at line 25 (in task 2)", or "stops before its end" when the warning was lost. */
export function stopsAt(cut: Cut): string {
  const where = cut.line === null ? 'stops before its end' : `stops at line ${cut.line}`;
  return cut.within === null ? where : `${where} (in ${cut.within})`;
}

/** The sentences a reader of `plan`'s numbers needs; empty for a complete plan with goals. */
export function planCaveats(plan: ReadExtent, goals: number): string[] {
  const out: string[] = [];
  const cut = cutOf(plan);
  if (cut !== null) {
    out.push(
      `${plan.id} is a cut text: its source ${stopsAt(cut)} and nothing after that was read; ` +
        'counts, coverage and comparisons cover only the part read.',
    );
  }
  if (goals === 0) {
    out.push(
      `${plan.id} has no goals (主要目标) in the text read: there is no coverage of goals to show, ` +
        'and no task can be said to serve one.',
    );
  }
  return out;
}
