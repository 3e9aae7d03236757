/**
 * How well derived evidence finds the links a reviewer vouches for: recall and precision of a set
 * of proposed (from → to) pairs against an expected set, and the pairs a word segmenter's shared
 * rare words would propose (the alternative measured beside the shared-phrase rule).
 *
 * Used by test/unit/semantics-quality.test.ts (which holds the numbers for the seed) and by
 * `npx tsx bench/evidence.ts` (which prints them); docs/plans.md writes them down.
 */
import { words } from './align.ts';
import { documentUnits, elementEnd, MAX_DF_SHARE } from './phrases.ts';
import type { SemanticsInput } from './index.ts';

export interface Score {
  /** Expected pairs that were proposed. */
  readonly found: number;
  readonly expected: number;
  readonly proposed: number;
  /** found / expected, three decimals (1 when nothing is expected). */
  readonly recall: number;
  /** found / proposed, three decimals (1 when nothing is proposed). */
  readonly precision: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Pairs are written `from → to`. */
export function score(proposed: ReadonlySet<string>, expected: ReadonlySet<string>): Score {
  const found = [...expected].filter((p) => proposed.has(p)).length;
  return {
    found,
    expected: expected.size,
    proposed: proposed.size,
    recall: expected.size === 0 ? 1 : round(found / expected.size),
    precision: proposed.size === 0 ? 1 : round(found / proposed.size),
  };
}

/**
 * Task → goal pairs that share a segmented word (two characters or more, with an ideograph) found
 * in at most a fifth of the plan's units: the rule that shared phrases of four characters would
 * become with a word segmenter instead of raw common substrings.
 */
export function sharedWordPairs(input: SemanticsInput): Set<string> {
  const units = documentUnits(input);
  const df = new Map<string, number>();
  for (const u of units)
    for (const w of new Set(words(input.text.slice(u.start, u.end)))) df.set(w, (df.get(w) ?? 0) + 1);
  const maxDf = Math.max(2, Math.floor(units.length * MAX_DF_SHARE));
  const rare = (e: (typeof input.elements)[number]) => {
    const end = elementEnd(e, input.elements);
    return new Set(words(input.text.slice(end.start, end.end)).filter((w) => (df.get(w) ?? 0) <= maxDf));
  };
  const goals = input.elements.filter((e) => e.kind === 'Goal').map((g) => ({ id: g.id, words: rare(g) }));
  const pairs = new Set<string>();
  for (const task of input.elements.filter((e) => e.kind === 'Task')) {
    const mine = rare(task);
    for (const goal of goals)
      if ([...mine].some((w) => goal.words.has(w))) pairs.add(`${task.id} → ${goal.id}`);
  }
  return pairs;
}
