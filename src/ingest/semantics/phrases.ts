/**
 * Shared phrases: the evidence behind derived edges (SERVES, ADDRESSES) when the text never states
 * them.
 *
 * Between two stretches of text, the candidate phrases are their maximal common substrings made of
 * word characters (CJK ideographs, letters, digits; punctuation breaks a phrase), with the
 * function characters of `phrases.trimChars` (seeds/glossary.json) trimmed from both ends, that keep
 * at least MIN_PHRASE_CHARS characters and hold at least one ideograph.
 *
 * A phrase found almost everywhere says nothing about a particular link (科技工作者, 科协组织), so
 * each phrase gets a document frequency: the number of the plan's units whose text contains it. The
 * units are the preamble, each section's intro and each top-level element (principle, goal, task with
 * its sub-items, guarantee). Phrases in more than MAX_DF_SHARE of the units, and those listed in
 * `phrases.stopPhrases`, are dropped. The stoplist is computed from the plan itself, so that it fits
 * every plan without hand tuning.
 *
 * A phrase that survives weighs
 *   weight = length × rarity × place
 *   length = min(1, chars / 8)                         (4 chars: 0.5; 8 or more: 1)
 *   rarity = ln(N / df) / ln(N / 2)                    (N units; 1 when only the two ends share it)
 *   place  = 0.7 + 0.15 per end where it stands in that end's title
 * and an edge's score combines its evidence weights as independent signals: 1 − Π(1 − weight).
 */
import type { ElementModel, Span } from '../model.ts';
import type { PhraseRules } from './glossary.ts';
import { isHan, isWordCode, type LineIndex, type OutlineInput } from './spans.ts';

/** Shortest phrase used as evidence: two-character words (组织, 服务) are everywhere in these plans. */
export const MIN_PHRASE_CHARS = 4;
/** A phrase in more than this share of the units is too common to be evidence. */
export const MAX_DF_SHARE = 0.2;

/** A stretch of text counted as one document for phrase frequencies. */
export interface Unit {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** One end of a derived edge: the text to search and, if any, its title. */
export interface End {
  readonly start: number;
  readonly end: number;
  readonly title: Span | null;
}

export interface SharedPhrase {
  readonly phrase: string;
  readonly df: number;
  readonly fromSpan: Span;
  readonly toSpan: Span;
  readonly weight: number;
}

export function documentUnits(input: OutlineInput): Unit[] {
  const units: Unit[] = [];
  if (input.preambleSpan) units.push({ id: input.planId, ...range(input.preambleSpan) });
  for (const s of input.sections) if (s.textSpan) units.push({ id: s.id, ...range(s.textSpan) });
  for (const e of input.elements) {
    if (e.parentId === null)
      units.push({ id: e.id, start: e.span.start, end: elementEnd(e, input.elements).end });
  }
  return units;
}

/** An element as an edge end: its span stretched over its sub-items (whether or not the span already holds them). */
export function elementEnd(e: ElementModel, elements: readonly ElementModel[]): End {
  let ends = endsCache.get(elements);
  if (ends === undefined) {
    ends = allEnds(elements);
    endsCache.set(elements, ends);
  }
  return ends.get(e.id) ?? { start: e.span.start, end: e.span.end, title: e.titleSpan };
}

const endsCache = new WeakMap<readonly ElementModel[], Map<string, End>>();

/** Every element's end, children before parents: one pass over the plan, not one per element. */
function allEnds(elements: readonly ElementModel[]): Map<string, End> {
  const children = new Map<string, ElementModel[]>();
  for (const e of elements) {
    if (e.parentId === null) continue;
    const list = children.get(e.parentId) ?? [];
    list.push(e);
    children.set(e.parentId, list);
  }
  const ends = new Map<string, End>();
  const visit = (e: ElementModel): End => {
    const known = ends.get(e.id);
    if (known) return known;
    let start = e.span.start;
    let end = e.span.end;
    for (const child of children.get(e.id) ?? []) {
      const sub = visit(child);
      start = Math.min(start, sub.start);
      end = Math.max(end, sub.end);
    }
    const result = { start, end, title: e.titleSpan };
    ends.set(e.id, result);
    return result;
  };
  for (const e of elements) visit(e);
  return ends;
}

function range(span: Span): { start: number; end: number } {
  return { start: span.start, end: span.end };
}

/** Document frequencies over a plan's units, and the weights built on them. */
export class PhraseStats {
  private readonly texts: readonly string[];
  private readonly cache = new Map<string, number>();
  private readonly stop: ReadonlySet<string>;
  /** First GRAM characters of a phrase → the units holding them: df only searches those. */
  private readonly unitsByGram = new Map<string, number[]>();
  readonly maxDf: number;

  constructor(
    text: string,
    readonly units: readonly Unit[],
    readonly rules: PhraseRules,
  ) {
    this.texts = units.map((u) => text.slice(u.start, u.end));
    this.stop = new Set(rules.stopPhrases);
    this.maxDf = Math.max(2, Math.floor(units.length * MAX_DF_SHARE));
    this.texts.forEach((t, unit) => {
      forEachGram(t, 0, t.length, (gram) => {
        const list = this.unitsByGram.get(gram);
        if (list === undefined) this.unitsByGram.set(gram, [unit]);
        else if (list[list.length - 1] !== unit) list.push(unit);
      });
    });
  }

  df(phrase: string): number {
    let n = this.cache.get(phrase);
    if (n === undefined) {
      // Phrases are runs of word characters at least GRAM long, so their first gram is indexed.
      const candidates = this.unitsByGram.get(phrase.slice(0, GRAM)) ?? [];
      n = candidates.filter((u) => this.texts[u]!.includes(phrase)).length;
      this.cache.set(phrase, n);
    }
    return n;
  }

  /** Units of a concept or phrase found in `count` units: 1 when only two share it, falling towards 0. */
  rarity(count: number): number {
    const n = Math.max(this.units.length, 3);
    const df = Math.min(Math.max(count, 2), n);
    return Math.log(n / df) / Math.log(n / 2);
  }

  isUseful(phrase: string): boolean {
    return !this.stop.has(phrase) && this.df(phrase) <= this.maxDf;
  }
}

/**
 * Useful phrases shared by `from` and `to`, one entry per distinct phrase (its first place in a
 * title if any, else its first place), best first; phrases inside a longer kept phrase are dropped.
 */
export function sharedPhrases(
  text: string,
  lines: LineIndex,
  from: End,
  to: End,
  stats: PhraseStats,
): SharedPhrase[] {
  const index = new GramIndex(text, [to]);
  return phrasesOfRuns(text, lines, from, to, stats, index.commonRuns(from).get(0) ?? []);
}

/** The phrases of maximal common runs [start in from, start in to, length] (see sharedPhrases). */
export function phrasesOfRuns(
  text: string,
  lines: LineIndex,
  from: End,
  to: End,
  stats: PhraseStats,
  runs: readonly Run[],
): SharedPhrase[] {
  const found = new Map<string, SharedPhrase>();
  for (const [a, b, length] of runs) {
    const trimmed = trim(text, a, length, stats.rules.trimChars);
    if (!trimmed) continue;
    const [offset, chars] = trimmed;
    const phrase = text.slice(a + offset, a + offset + chars);
    if (!stats.isUseful(phrase)) continue;
    const fromSpan = lines.span(a + offset, a + offset + chars);
    const toSpan = lines.span(b + offset, b + offset + chars);
    const df = stats.df(phrase);
    const weight = phraseWeight(
      chars,
      stats.rarity(df),
      inside(fromSpan, from.title),
      inside(toSpan, to.title),
    );
    const previous = found.get(phrase);
    if (!previous || weight > previous.weight) found.set(phrase, { phrase, df, fromSpan, toSpan, weight });
  }
  const all = [...found.values()];
  return all
    .filter((p) => !all.some((q) => q.phrase.length > p.phrase.length && q.phrase.includes(p.phrase)))
    .sort((x, y) => y.weight - x.weight || x.fromSpan.start - y.fromSpan.start);
}

export function phraseWeight(
  chars: number,
  rarity: number,
  inFromTitle: boolean,
  inToTitle: boolean,
): number {
  const length = Math.min(1, chars / 8);
  const place = 0.7 + (inFromTitle ? 0.15 : 0) + (inToTitle ? 0.15 : 0);
  return length * rarity * place;
}

/** 1 − Π(1 − w): several independent pieces of evidence make a stronger edge. */
export function combine(weights: readonly number[]): number {
  return Math.round((1 - weights.reduce((acc, w) => acc * (1 - w), 1)) * 1000) / 1000;
}

function inside(span: Span, title: Span | null): boolean {
  return title !== null && title.start <= span.start && span.end <= title.end;
}

/** A common run: [start in the from end, start in the to end, length], offsets into the text. */
export type Run = readonly [number, number, number];

/** Grams are MIN_PHRASE_CHARS long: every run worth keeping starts with a common gram. */
const GRAM = MIN_PHRASE_CHARS;

/** Every gram of word characters in text[start, end), in order: visit(gram, offset). */
function forEachGram(
  text: string,
  start: number,
  end: number,
  visit: (gram: string, offset: number) => void,
): void {
  let word = 0; // word characters ending at i (inclusive)
  for (let i = start; i < end; i++) {
    word = isWordCode(text.charCodeAt(i)) ? word + 1 : 0;
    if (word >= GRAM) visit(text.slice(i - GRAM + 1, i + 1), i - GRAM + 1);
  }
}

/**
 * The grams of some ends (the goals of a plan, one problem), so that the maximal common runs of
 * any other stretch with each of them are found from the grams they share: the work grows with
 * the text and the shared grams, not with the product of the two lengths (nor with the number of
 * ends that share nothing).
 */
export class GramIndex {
  private readonly at = new Map<string, [number, number][]>();

  constructor(
    private readonly text: string,
    private readonly ends: readonly End[],
  ) {
    ends.forEach((end, index) => {
      forEachGram(text, end.start, end.end, (gram, offset) => {
        const list = this.at.get(gram);
        if (list === undefined) this.at.set(gram, [[index, offset]]);
        else list.push([index, offset]);
      });
    });
  }

  /**
   * For each indexed end (by its index) sharing a run with `from`: every maximal common run of
   * word characters of at least MIN_PHRASE_CHARS, ordered by where it ends in `from`, then by
   * where it starts in the end.
   */
  commonRuns(from: End): Map<number, Run[]> {
    const text = this.text;
    const runs = new Map<number, Run[]>();
    forEachGram(text, from.start, from.end, (gram, i) => {
      const at = this.at.get(gram);
      if (at === undefined) return;
      for (const [index, j] of at) {
        const to = this.ends[index]!;
        // Left-maximal only: a run that could start one character earlier is found from there.
        if (
          i > from.start &&
          j > to.start &&
          isWordCode(text.charCodeAt(i - 1)) &&
          text.charCodeAt(i - 1) === text.charCodeAt(j - 1)
        )
          continue;
        let length = GRAM;
        while (
          i + length < from.end &&
          j + length < to.end &&
          isWordCode(text.charCodeAt(i + length)) &&
          text.charCodeAt(i + length) === text.charCodeAt(j + length)
        )
          length++;
        const list = runs.get(index);
        if (list === undefined) runs.set(index, [[i, j, length]]);
        else list.push([i, j, length]);
      }
    });
    for (const list of runs.values()) list.sort((x, y) => x[0] + x[2] - (y[0] + y[2]) || x[1] - y[1]);
    return runs;
  }
}

/** [offset, length] of the run once trimmed of function characters, or null if too little is left. */
function trim(text: string, start: number, length: number, trimChars: string): [number, number] | null {
  let s = 0;
  let e = length;
  while (s < e && trimChars.includes(text[start + s]!)) s++;
  while (e > s && trimChars.includes(text[start + e - 1]!)) e--;
  if (e - s < MIN_PHRASE_CHARS) return null;
  if (![...text.slice(start + s, start + e)].some(isHan)) return null;
  return [s, e - s];
}
