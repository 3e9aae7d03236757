/** `minScore` on derived edges (SERVES, ADDRESSES): one check and one filter for every field. */
import type { DerivedRow } from '../../graph/rows.ts';
import { BadInputError } from '../errors.ts';

/** The threshold, checked: a number from 0 to 1; omitted or null → 0 (every edge). */
export function checkMinScore(minScore: number | null | undefined): number {
  const value = minScore ?? 0;
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new BadInputError('minScore', 'a number from 0 to 1', value);
  }
  return value;
}

/** The edges scoring at least `minScore`, in their order (at once for rows at hand: resolvers/ahead.ts). */
export function atLeast(
  rows: Promise<readonly DerivedRow[]> | readonly DerivedRow[],
  minScore: number | null | undefined,
): DerivedRow[] | Promise<DerivedRow[]> {
  const threshold = checkMinScore(minScore);
  const keep = (all: readonly DerivedRow[]) =>
    threshold === 0 ? [...all] : all.filter((row) => row.score >= threshold);
  return rows instanceof Promise ? rows.then(keep) : keep(rows);
}
