/**
 * SAME_AS / CONTINUES at load: the plan being loaded is aligned (semantics/align.ts) with the plans
 * already in the graph that share its words — found through an inverted index (a full-text index
 * over one :AlignIndex node per plan holding its tasks' and goals' words), at most
 * ALIGN_CANDIDATES of them, best matching first, so a load reads a bounded number of plans however
 * large the library grows — task with task and goal with goal, and each aligned pair becomes a
 * relationship from the later plan's element to the earlier's (later by the year the documents
 * speak of; for the same year or none, from the larger plan id). SAME_AS when title and text are
 * unchanged, CONTINUES otherwise. Removing either plan removes the relationship with it.
 */
import { align, alignBody, DEFAULT_THRESHOLD, words, type AlignItem } from '../semantics/align.ts';
import type { PlanModel } from '../model.ts';
import { planYear } from '../plan-id.ts';

/** A row of load-align-candidates: an element, or (id null) a plan whose elements the loader holds. */
interface Candidate {
  planId: string;
  year: number | null;
  /** "id sha256 loaderVersion"; null for a plan that lacks either (never held). */
  version: string | null;
  /** The loader holds this version's items ($known): the row names the plan only. */
  held: boolean;
  /** Null in a row that names the plan only: held, or a plan without tasks and goals. */
  id: string | null;
  kind: string;
  order: number;
  title: string;
  text: string;
  subs: string[];
}

/** The plan's tasks and goals as alignment items. */
export function alignItems(model: PlanModel): AlignItem[] {
  const children = new Map<string, string[]>();
  for (const e of model.elements) {
    if (e.parentId === null) continue;
    children.set(e.parentId, [...(children.get(e.parentId) ?? []), e.id]);
  }
  const byId = new Map(model.elements.map((e) => [e.id, e]));
  const descendants = (id: string): string[] =>
    (children.get(id) ?? []).flatMap((c) => [c, ...descendants(c)]);
  return model.elements
    .filter((e) => e.kind === 'Task' || e.kind === 'Goal')
    .map((e) => {
      const subs = descendants(e.id)
        .map((id) => byId.get(id)!)
        .sort((x, y) => x.order - y.order)
        .map((s) => s.text);
      return {
        id: e.id,
        kind: e.kind,
        order: e.order,
        title: e.title,
        text: e.text,
        body: alignBody(e.title, e.text, subs),
      };
    });
}

/** `mine`: the plan's alignItems, when the caller made them already. */
export function alignmentRows(
  model: PlanModel,
  candidates: readonly Record<string, unknown>[],
  mine: readonly AlignItem[] = alignItems(model),
): Record<string, unknown>[] {
  const myYear = planYear(model);
  const byPlan = new Map<string, Candidate[]>();
  for (const row of candidates as unknown as Candidate[])
    byPlan.set(row.planId, [...(byPlan.get(row.planId) ?? []), row]);
  // Every plan's items first, then the cache's bookkeeping: a plan held now stays held for this call.
  const plans = [...byPlan].map(([planId, elements]) => ({
    planId,
    year: elements[0]!.year,
    version: elements[0]!.version,
    theirs: candidateItems(elements),
  }));
  for (const { planId, version, theirs } of plans) if (version !== null) holdPlan(planId, version, theirs);
  const rows: Record<string, unknown>[] = [];
  for (const { planId, year, theirs } of plans) {
    const mineIsLater =
      myYear !== null && year !== null && myYear !== year ? myYear > year : model.id > planId;
    for (const a of align(mine, theirs, DEFAULT_THRESHOLD)) {
      const [fromId, toId] = mineIsLater ? [a.a, a.b] : [a.b, a.a];
      const type = a.same ? 'SAME_AS' : 'CONTINUES';
      rows.push({
        fromId,
        toId,
        type,
        props: {
          id: `${fromId}>${type}>${toId}`,
          score: a.score,
          shared: [...a.shared],
          planIds: [model.id, planId].sort(),
        },
      });
    }
  }
  return rows;
}

/**
 * The candidate plans' items met lately, by plan, with the version they were read at ("id sha256
 * loaderVersion": the same bytes parsed by the same loader give the same elements). A library load
 * reads the same plans as candidates again and again (last year's, the national original): the
 * index query names them, and only the plans not held here are read whole (load-align-candidates,
 * $known). The same item objects also let semantics/align.ts keep their words. Oldest out first.
 */
const heldPlans = new Map<string, { readonly version: string; readonly items: readonly AlignItem[] }>();
const HELD_PLANS_MAX = 400;

/** The versions of the plans held: what load-align-candidates need not read again. */
export function knownCandidates(): string[] {
  return [...heldPlans.values()].map((p) => p.version);
}

function candidateItems(elements: readonly Candidate[]): readonly AlignItem[] {
  const [first] = elements;
  if (first!.id === null && !first!.held) return [];
  if (first!.held) {
    const held = heldPlans.get(first!.planId);
    if (held === undefined || held.version !== first!.version) {
      throw new Error(
        `alignment candidates: expected the elements of ${first!.planId} (${first!.version}) held by the loader, found ${held?.version ?? 'none'}`,
      );
    }
    return held.items;
  }
  return elements.map((e) => ({
    id: e.id!,
    kind: e.kind,
    order: e.order,
    title: e.title,
    text: e.text,
    body: alignBody(e.title, e.text, e.subs),
  }));
}

function holdPlan(planId: string, version: string, items: readonly AlignItem[]): void {
  heldPlans.delete(planId);
  if (heldPlans.size >= HELD_PLANS_MAX) heldPlans.delete(heldPlans.keys().next().value!);
  heldPlans.set(planId, { version, items });
}

/** Most plans a plan being loaded is aligned with: the best matches of its words in the index. */
export const ALIGN_CANDIDATES = 20;
/**
 * Most words a plan asks the index for. A full-text query costs the engine about the same for
 * each word it names (a look-up in every index segment, a scorer), whatever the library's size,
 * and a plan has ~150–700 distinct words: asking for all of them made the candidates' read the
 * largest part of a plan's load. A sample of 128 words finds the same plans first: a plan that
 * shares most words (last year's, the national original) shares most of the sample too. Lucene's
 * limit is 1,024 clauses.
 */
export const QUERY_WORDS = 128;

/** The plan's texts alignment segments: each task's and goal's body and title, once each. */
export function alignTexts(model: PlanModel): string[] {
  return [...new Set(alignItems(model).flatMap((item) => [item.body, item.title]))];
}

/** The distinct words of the plan's tasks and goals (title, text, sub-items): its entry in the index. */
export function alignIndexWords(model: PlanModel, items: readonly AlignItem[] = alignItems(model)): string[] {
  return [...new Set(items.flatMap((item) => words(item.body)))];
}

/**
 * The index query for a plan's words (each quoted, OR'ed); null when it has none to look for. A
 * plan of more than QUERY_WORDS words asks for those whose hash is smallest (a bottom-k sample, as
 * MinHash takes): the same words of the same plan every time, whatever their order.
 */
export function alignQuery(indexWords: readonly string[]): string | null {
  const usable = indexWords.filter((w) => !/["\\]/.test(w));
  const sample =
    usable.length <= QUERY_WORDS
      ? usable
      : (() => {
          const kept = new Set(
            [...usable]
              .map((w) => [fnv1a(w), w] as const)
              .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
              .slice(0, QUERY_WORDS)
              .map(([, w]) => w),
          );
          return usable.filter((w) => kept.has(w));
        })();
  return sample.length === 0 ? null : sample.map((w) => `"${w}"`).join(' OR ');
}

/** FNV-1a, 32 bits, over UTF-16 code units: a fixed, well-spread hash of a word. */
function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
