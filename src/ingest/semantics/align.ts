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
 * marks b's sets in bit rows, where a plain version hashes strings for every pair.
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
  const toLocal = (ids: Int32Array): Int32Array =>
    ids.map((id) => {
      if (local[id] === -1) {
        local[id] = vocabulary.length;
        vocabulary.push(id);
      }
      return local[id]!;
    });
  const body = all.map((x) => toLocal(x.bodyIds));
  const title = all.map((x) => toLocal(x.titleIds));
  for (const id of vocabulary) local[id] = -1;
  const v = vocabulary.length;

  const df = new Int32Array(v);
  for (const ids of body) for (const k of ids) df[k]! += 1;
  const n = bagsA.length + bagsB.length;
  const idfOf = new Float64Array(v);
  const weight = new Float64Array(v);
  for (let k = 0; k < v; k += 1) {
    idfOf[k] = Math.log(1 + n / (df[k] === 0 ? 1 : df[k]!));
    weight[k] = idfOf[k]! ** 2;
  }
  const norm = (ids: Int32Array) => {
    let s = 0;
    for (const k of ids) s += weight[k]!;
    return Math.sqrt(s);
  };
  const bodyNorm = body.map(norm);
  const titleNorm = title.map(norm);
  // b's sets as bit rows: row j of `inBody` has a 1 at each word of b[j]'s body.
  const offset = bagsA.length;
  const inBody = new Uint8Array(bagsB.length * v);
  const inTitle = new Uint8Array(bagsB.length * v);
  for (let j = 0; j < bagsB.length; j += 1) {
    for (const k of body[offset + j]!) inBody[j * v + k] = 1;
    for (const k of title[offset + j]!) inTitle[j * v + k] = 1;
  }
  const cosine = (x: Int32Array, nx: number, row: Uint8Array, j: number, ny: number) => {
    const d = nx * ny;
    if (d === 0) return 0;
    let dot = 0;
    const base = j * v;
    for (const k of x) if (row[base + k] === 1) dot += weight[k]!;
    return dot / d;
  };

  // Candidate pairs: same kind and at least one shared word (through an index of b's words).
  const byWord: number[][] = Array.from({ length: v }, () => []);
  for (let j = 0; j < bagsB.length; j += 1) for (const k of body[offset + j]!) byWord[k]!.push(j);
  const pairs: { i: number; j: number; score: number }[] = [];
  const seen = new Uint8Array(bagsB.length);
  bagsA.forEach((x, i) => {
    const order: number[] = [];
    for (const k of body[i]!) {
      for (const j of byWord[k]!) {
        if (seen[j] === 0) {
          seen[j] = 1;
          order.push(j);
        }
      }
    }
    for (const j of order) {
      seen[j] = 0;
      const y = bagsB[j]!;
      if (y.item.kind !== x.item.kind) continue;
      const same = x.item.title === y.item.title && x.item.text === y.item.text;
      const raw = same
        ? 1
        : TEXT_SHARE * cosine(body[i]!, bodyNorm[i]!, inBody, j, bodyNorm[offset + j]!) +
          (1 - TEXT_SHARE) * cosine(title[i]!, titleNorm[i]!, inTitle, j, titleNorm[offset + j]!);
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
    const mine = body[i]!;
    const shared = x.ordered
      .map((w, at) => ({ w, local: mine[at]! }))
      .filter(({ local: k }) => inBody[j * v + k] === 1)
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
