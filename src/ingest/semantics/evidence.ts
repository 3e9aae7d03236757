/**
 * Turning weighed evidence into one edge: which basis it stands on, its score, its evidence list.
 *
 * Each piece of evidence has a basis and a weight in 0..1:
 *   curated  0.9   a reviewer vouched for it (seeds/links/<plan>.json)
 *   mention  0.9   the element names the problem's own quoted term
 *   concept  0.8 × rarity of the concept across the plan's units (see phrases.ts)
 *   phrase   length × rarity × place (see phrases.ts)
 * The edge's basis is that of its best evidence, ranking bases curated > mention > concept >
 * phrase (a named concept says more than a shared string, a reviewer more than either); its score
 * is 1 − Π(1 − weight) over all its evidence; the evidence is kept, best first.
 */
import type { Basis, EvidenceModel, Span } from '../model.ts';
import { combine } from './phrases.ts';

export const CURATED_WEIGHT = 0.9;
export const MENTION_WEIGHT = 0.9;
export const CONCEPT_WEIGHT = 0.8;

export interface Weighed {
  readonly basis: Basis;
  readonly weight: number;
  readonly evidence: EvidenceModel;
}

const RANK: Readonly<Record<Basis, number>> = { curated: 0, mention: 1, concept: 2, phrase: 3 };

export interface Settled {
  readonly basis: Basis;
  readonly score: number;
  readonly evidence: readonly EvidenceModel[];
}

/** One edge out of its evidence, or null when there is none. */
export function settle(items: readonly Weighed[]): Settled | null {
  const named = items.filter((i) => i.basis !== 'phrase');
  // A shared phrase lying on a concept or term already counted adds nothing of its own.
  const kept = items.filter(
    (i) =>
      i.basis !== 'phrase' ||
      !named.some(
        (n) =>
          overlaps(n.evidence.fromSpan, i.evidence.fromSpan) &&
          overlaps(n.evidence.toSpan, i.evidence.toSpan),
      ),
  );
  if (kept.length === 0) return null;
  const sorted = [...kept].sort(
    (a, b) =>
      RANK[a.basis] - RANK[b.basis] ||
      b.weight - a.weight ||
      a.evidence.fromSpan.start - b.evidence.fromSpan.start,
  );
  return {
    basis: sorted[0]!.basis,
    score: combine(sorted.map((i) => i.weight)),
    evidence: sorted.map((i) => i.evidence),
  };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Groups items by a key, keeping first-seen order of keys. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return groups;
}
