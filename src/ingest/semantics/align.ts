/**
 * Aligning the elements of two plans: which task of this year's plan is which task of last
 * year's, whatever their numbers. Pure: the loader writes the result as SAME_AS / CONTINUES, the
 * compare query answers with it.
 *
 * Each element's words come from a word segmenter (@node-rs/jieba with its bundled dictionary):
 * words of two or more characters holding an ideograph. A word weighs its rarity among the
 * elements of both plans, idf = ln(1 + N / df), so 科协 or 推进 count for little and 智库 much.
 * Two elements of the same kind compare by the cosine of their weighted word sets,
 *   score = 0.6 × cosine(title, text and sub-items) + 0.4 × cosine(title)
 * (1 when title and text are the same). Pairs are taken best first, each element at most once,
 * while the score reaches the threshold; the shared words, rarest first, are the evidence.
 * Only pairs sharing a word are ever scored, so the work grows with the words, not with the
 * product of the two plans' sizes.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { diffChars } from 'diff';

/** An element as alignment sees it. */
export interface AlignItem {
  readonly id: string;
  /** Task, Goal, …: only elements of the same kind are aligned. */
  readonly kind: string;
  /** Document order, for stable ties. */
  readonly order: number;
  readonly title: string;
  readonly text: string;
  /** Title, text and sub-items' text: what the words come from. */
  readonly body: string;
}

export interface Alignment {
  readonly a: string;
  readonly b: string;
  /** 0..1, three decimals. */
  readonly score: number;
  /** Shared words, rarest first (at most MAX_EVIDENCE). */
  readonly shared: readonly string[];
  /** Title and text are the same on both sides. */
  readonly same: boolean;
}

export interface DiffPart {
  readonly op: 'SAME' | 'ADDED' | 'REMOVED';
  readonly text: string;
}

/** The default least score for two elements to be the same element of two plans. */
export const DEFAULT_THRESHOLD = 0.5;
const MAX_EVIDENCE = 8;
const TEXT_SHARE = 0.6;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Body of an element for alignment: its title, its text and its sub-items' text, in order. */
export function alignBody(title: string, text: string, subs: readonly string[]): string {
  return [title, text, ...subs].join('\n');
}

let segmenter: Jieba | null = null;

/**
 * Words of texts segmented lately. A library load aligns each plan with up to twenty others, and
 * those others are the same few plans again and again (last year's, the national original), whose
 * carried-over tasks repeat word for word: segmenting is most of alignment's time, and the same
 * text gives the same words. Oldest first out past the bound.
 */
const segmented = new Map<string, readonly string[]>();
const SEGMENTED_MAX = 20_000;

/** The words of a text: segmented, two characters or more, at least one ideograph, in order. */
export function words(text: string): string[] {
  const known = segmented.get(text);
  if (known !== undefined) return [...known];
  segmenter ??= Jieba.withDict(dict);
  const found = segmenter.cut(text, false).filter((w) => w.length >= 2 && HAN.test(w));
  if (segmented.size >= SEGMENTED_MAX) segmented.delete(segmented.keys().next().value!);
  segmented.set(text, found);
  return [...found];
}

interface Bag {
  readonly item: AlignItem;
  readonly body: ReadonlySet<string>;
  readonly title: ReadonlySet<string>;
  /** Body words in first-seen order, for the evidence. */
  readonly ordered: readonly string[];
}

function bag(item: AlignItem): Bag {
  const ordered = [...new Set(words(item.body))];
  return { item, body: new Set(ordered), title: new Set(words(item.title)), ordered };
}

/**
 * One-to-one alignment of `a`'s elements with `b`'s, best pairs first, each at least `threshold`;
 * ordered by the a-side's document order.
 */
export function align(
  a: readonly AlignItem[],
  b: readonly AlignItem[],
  threshold = DEFAULT_THRESHOLD,
): Alignment[] {
  const bagsA = a.map(bag);
  const bagsB = b.map(bag);
  const df = new Map<string, number>();
  for (const x of [...bagsA, ...bagsB]) for (const w of x.body) df.set(w, (df.get(w) ?? 0) + 1);
  const n = bagsA.length + bagsB.length;
  const idf = (w: string) => Math.log(1 + n / (df.get(w) ?? 1));
  const norm = (set: ReadonlySet<string>) => Math.sqrt([...set].reduce((s, w) => s + idf(w) ** 2, 0));
  const cosine = (x: ReadonlySet<string>, y: ReadonlySet<string>) => {
    const d = norm(x) * norm(y);
    if (d === 0) return 0;
    let dot = 0;
    for (const w of x) if (y.has(w)) dot += idf(w) ** 2;
    return dot / d;
  };

  // Candidate pairs: same kind and at least one shared word (through an index of b's words).
  const byWord = new Map<string, number[]>();
  bagsB.forEach((x, j) => {
    for (const w of x.body) byWord.set(w, [...(byWord.get(w) ?? []), j]);
  });
  const pairs: { i: number; j: number; score: number }[] = [];
  bagsA.forEach((x, i) => {
    const seen = new Set<number>();
    for (const w of x.body) for (const j of byWord.get(w) ?? []) seen.add(j);
    for (const j of seen) {
      const y = bagsB[j]!;
      if (y.item.kind !== x.item.kind) continue;
      const same = x.item.title === y.item.title && x.item.text === y.item.text;
      const raw = same
        ? 1
        : TEXT_SHARE * cosine(x.body, y.body) + (1 - TEXT_SHARE) * cosine(x.title, y.title);
      const score = Math.round(raw * 1000) / 1000;
      if (score >= threshold) pairs.push({ i, j, score });
    }
  });
  pairs.sort(
    (p, q) =>
      q.score - p.score ||
      bagsA[p.i]!.item.order - bagsA[q.i]!.item.order ||
      bagsB[p.j]!.item.order - bagsB[q.j]!.item.order,
  );
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const result: (Alignment & { order: number })[] = [];
  for (const { i, j, score } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    const x = bagsA[i]!;
    const y = bagsB[j]!;
    const shared = x.ordered
      .filter((w) => y.body.has(w))
      .map((w, k) => ({ w, k, weight: idf(w) }))
      .sort((p, q) => q.weight - p.weight || p.k - q.k)
      .slice(0, MAX_EVIDENCE)
      .map((s) => s.w);
    result.push({
      a: x.item.id,
      b: y.item.id,
      score,
      shared,
      same: x.item.title === y.item.title && x.item.text === y.item.text,
      order: x.item.order,
    });
  }
  return result.sort((p, q) => p.order - q.order).map(({ order: _order, ...rest }) => rest);
}

/** Character-level difference from `before` to `after`: runs kept, added and removed, in order. */
export function diff(before: string, after: string): DiffPart[] {
  return diffChars(before, after).map((part) => ({
    op: part.added ? 'ADDED' : part.removed ? 'REMOVED' : 'SAME',
    text: part.value,
  }));
}
