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

/**
 * Takes the words of texts segmented on another thread (a library load's parse workers segment
 * each plan's tasks and goals beside the parse), as words() would have found them here: the
 * thread that writes then aligns without segmenting.
 */
export function rememberWords(entries: readonly (readonly [string, readonly string[]])[]): void {
  for (const [text, found] of entries) {
    if (segmented.has(text)) continue;
    if (segmented.size >= SEGMENTED_MAX) segmented.delete(segmented.keys().next().value!);
    segmented.set(text, found);
  }
}

interface Bag {
  readonly item: AlignItem;
  readonly body: ReadonlySet<string>;
  /** Body words in first-seen order, for the evidence. */
  readonly ordered: readonly string[];
  /** The same words as numbers (wordId), in the same order: what the scoring loops read. */
  readonly bodyIds: Int32Array;
  /** The title's distinct words as numbers, in first-seen order. */
  readonly titleIds: Int32Array;
}

/** A number for every word met, for the life of the process: arrays indexed by word, not sets of strings. */
const wordIds = new Map<string, number>();
function wordId(w: string): number {
  let id = wordIds.get(w);
  if (id === undefined) {
    id = wordIds.size;
    wordIds.set(w, id);
  }
  return id;
}

/**
 * An item's words depend on its text alone: a plan being loaded is aligned with up to twenty
 * others, and its own bags are made once for all of them (keyed by the item object).
 */
const bags = new WeakMap<AlignItem, Bag>();

function bag(item: AlignItem): Bag {
  const known = bags.get(item);
  if (known !== undefined) return known;
  const ordered = [...new Set(words(item.body))];
  const made: Bag = {
    item,
    body: new Set(ordered),
    ordered,
    bodyIds: Int32Array.from(ordered, wordId),
    titleIds: Int32Array.from(new Set(words(item.title)), wordId),
  };
  bags.set(item, made);
  return made;
}

/** wordId → index among the words of one align() call (-1: not among them); reset after each call. */
let local = new Int32Array(0);

/**
 * One-to-one alignment of `a`'s elements with `b`'s, best pairs first, each at least `threshold`;
 * ordered by the a-side's document order.
 *
 * The arithmetic is that of the definition above, summed in the same order (each set in its
 * first-seen order) so the scores are the same to the last bit; only its bookkeeping is in
 * arrays: each call numbers its words 0..V-1, weighs each once, takes each set's norm once, and
 * sums each pair's dot products over the words the two share only (an inverted index of b), where
 * a plain version hashes strings for every word of every pair.
 */
export function align(
  a: readonly AlignItem[],
  b: readonly AlignItem[],
  threshold = DEFAULT_THRESHOLD,
): Alignment[] {
  const bagsA = a.map(bag);
  const bagsB = b.map(bag);
  const all = [...bagsA, ...bagsB];
  if (local.length < wordIds.size) {
    const grown = new Int32Array(Math.max(wordIds.size, local.length * 2, 1024)).fill(-1);
    local = grown;
  }
  const vocabulary: number[] = [];
  const toLocal = (ids: Int32Array): Int32Array => {
    const out = new Int32Array(ids.length);
    for (let at = 0; at < ids.length; at += 1) {
      const id = ids[at]!;
      let k = local[id]!;
      if (k === -1) {
        k = vocabulary.length;
        local[id] = k;
        vocabulary.push(id);
      }
      out[at] = k;
    }
    return out;
  };
  const body = all.map((x) => toLocal(x.bodyIds));
  const title = all.map((x) => toLocal(x.titleIds));
  for (const id of vocabulary) local[id] = -1;
  const v = vocabulary.length;

  const df = new Int32Array(v);
  for (const ids of body) for (const k of ids) df[k]! += 1;
  const n = bagsA.length + bagsB.length;
  // idf depends on a word's df alone (n is the call's): one logarithm per df value met, not per word.
  const idfOfDf = new Float64Array(n + 1).fill(-1);
  const idfOf = new Float64Array(v);
  const weight = new Float64Array(v);
  for (let k = 0; k < v; k += 1) {
    const d = df[k] === 0 ? 1 : df[k]!;
    let idf = idfOfDf[d]!;
    if (idf < 0) {
      idf = Math.log(1 + n / d);
      idfOfDf[d] = idf;
    }
    idfOf[k] = idf;
    weight[k] = idf ** 2;
  }
  const norm = (ids: Int32Array) => {
    let s = 0;
    for (const k of ids) s += weight[k]!;
    return Math.sqrt(s);
  };
  const bodyNorm = body.map(norm);
  const titleNorm = title.map(norm);
  const offset = bagsA.length;

  // b's words as an inverted index (word → the b elements holding it, in order), flat arrays.
  const inverted = (sets: Int32Array[]) => {
    const start = new Int32Array(v + 1);
    for (const ids of sets) for (const k of ids) start[k + 1]! += 1;
    for (let k = 0; k < v; k += 1) start[k + 1]! += start[k]!;
    const fill = start.slice(0, v);
    const holders = new Int32Array(start[v]!);
    sets.forEach((ids, j) => {
      for (const k of ids) holders[fill[k]!++] = j;
    });
    return { start, holders };
  };
  const bodyIndex = inverted(body.slice(offset));
  const titleIndex = inverted(title.slice(offset));

  // Candidate pairs: same kind and at least one shared word. Each pair's two dot products are
  // summed word by word as a's words come (the order of the definition's sums, so the same bits),
  // into one slot per b element: the work is the words a and b share, not a's words for every pair.
  const pairs: { i: number; j: number; score: number }[] = [];
  const seen = new Uint8Array(bagsB.length);
  const dotBody = new Float64Array(bagsB.length);
  const dotTitle = new Float64Array(bagsB.length);
  bagsA.forEach((x, i) => {
    const order: number[] = [];
    for (const k of body[i]!) {
      const w = weight[k]!;
      for (let at = bodyIndex.start[k]!; at < bodyIndex.start[k + 1]!; at += 1) {
        const j = bodyIndex.holders[at]!;
        if (seen[j] === 0) {
          seen[j] = 1;
          order.push(j);
        }
        dotBody[j]! += w;
      }
    }
    for (const k of title[i]!) {
      const w = weight[k]!;
      for (let at = titleIndex.start[k]!; at < titleIndex.start[k + 1]!; at += 1)
        dotTitle[titleIndex.holders[at]!]! += w;
    }
    for (const j of order) {
      const y = bagsB[j]!;
      if (y.item.kind !== x.item.kind) continue;
      const same = x.item.title === y.item.title && x.item.text === y.item.text;
      const dBody = bodyNorm[i]! * bodyNorm[offset + j]!;
      const dTitle = titleNorm[i]! * titleNorm[offset + j]!;
      const raw = same
        ? 1
        : TEXT_SHARE * (dBody === 0 ? 0 : dotBody[j]! / dBody) +
          (1 - TEXT_SHARE) * (dTitle === 0 ? 0 : dotTitle[j]! / dTitle);
      const score = Math.round(raw * 1000) / 1000;
      if (score >= threshold) pairs.push({ i, j, score });
    }
    seen.fill(0);
    dotBody.fill(0);
    dotTitle.fill(0);
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
    const mine = body[i]!;
    const shared = x.ordered
      .map((w, at) => ({ w, local: mine[at]! }))
      .filter(({ w }) => y.body.has(w))
      .map(({ w, local: k }, at) => ({ w, k: at, weight: idfOf[k]! }))
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
