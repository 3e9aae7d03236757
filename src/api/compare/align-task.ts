/**
 * The alignment of two plans' tasks with the character diffs of each aligned pair: the CPU-heavy
 * part of compare, whose time grows with the product of the two plans' sizes. It runs in compare's
 * worker thread (compare-task.ts, align-pool.ts), which this module lowers to a low priority.
 */
import { isMainThread } from 'node:worker_threads';
import { align, diff, type AlignItem, type Alignment, type DiffPart } from '../../ingest/semantics/align.ts';
import { lowerThisThread } from './low-priority.ts';

// A worker thread aligns at a low OS priority (low-priority.ts): on two cores a compare's seconds of CPU would
// otherwise take a core from the small questions' event loop and engine statements, which now
// get it first (bench/RESULTS.md, availability).
if (!isMainThread) lowerThisThread();

export interface AlignTask {
  readonly a: readonly AlignItem[];
  readonly b: readonly AlignItem[];
  readonly threshold: number;
}

export type AlignedPair = Alignment & { readonly titleDiff: DiffPart[]; readonly textDiff: DiffPart[] };

export function alignWithDiffs({ a, b, threshold }: AlignTask): AlignedPair[] {
  const byIdA = new Map(a.map((x) => [x.id, x]));
  const byIdB = new Map(b.map((x) => [x.id, x]));
  return align(a, b, threshold).map((x) => {
    const ta = byIdA.get(x.a)!;
    const tb = byIdB.get(x.b)!;
    return {
      ...x,
      shared: [...x.shared],
      titleDiff: diff(ta.title, tb.title),
      textDiff: diff(ta.text, tb.text),
    };
  });
}
