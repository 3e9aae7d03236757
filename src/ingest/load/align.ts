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

interface Candidate {
  planId: string;
  year: number | null;
  id: string;
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

export function alignmentRows(
  model: PlanModel,
  candidates: readonly Record<string, unknown>[],
): Record<string, unknown>[] {
  const mine = alignItems(model);
  const myYear = planYear(model);
  const byPlan = new Map<string, Candidate[]>();
  for (const row of candidates as unknown as Candidate[])
    byPlan.set(row.planId, [...(byPlan.get(row.planId) ?? []), row]);
  const rows: Record<string, unknown>[] = [];
  for (const [planId, elements] of byPlan) {
    const year = elements[0]!.year;
    const mineIsLater =
      myYear !== null && year !== null && myYear !== year ? myYear > year : model.id > planId;
    const theirs: AlignItem[] = elements.map(candidateItem);
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
 * The candidates' items met lately, by element id. A library load reads the same few plans as
 * candidates again and again (last year's, the national original): the same item object lets
 * semantics/align.ts keep its words instead of making them anew. An element reloaded with another
 * text is a new item. Oldest first out past the bound.
 */
const candidateItems = new Map<string, AlignItem>();
const CANDIDATE_ITEMS_MAX = 20_000;

function candidateItem(e: Candidate): AlignItem {
  const body = alignBody(e.title, e.text, e.subs);
  const known = candidateItems.get(e.id);
  if (
    known !== undefined &&
    known.body === body &&
    known.kind === e.kind &&
    known.order === e.order &&
    known.title === e.title &&
    known.text === e.text
  ) {
    return known;
  }
  const item: AlignItem = { id: e.id, kind: e.kind, order: e.order, title: e.title, text: e.text, body };
  candidateItems.delete(e.id);
  if (candidateItems.size >= CANDIDATE_ITEMS_MAX) candidateItems.delete(candidateItems.keys().next().value!);
  candidateItems.set(e.id, item);
  return item;
}

/** Most plans a plan being loaded is aligned with: the best matches of its words in the index. */
export const ALIGN_CANDIDATES = 20;
/** Lucene refuses a query of more than 1,024 clauses. */
const MAX_QUERY_WORDS = 1000;

/** The distinct words of the plan's tasks and goals (title, text, sub-items): its entry in the index. */
export function alignIndexWords(model: PlanModel): string[] {
  return [...new Set(alignItems(model).flatMap((item) => words(item.body)))];
}

/** The index query for a plan's words (each quoted, OR'ed); null when it has none to look for. */
export function alignQuery(indexWords: readonly string[]): string | null {
  const terms = indexWords
    .filter((w) => !/["\\]/.test(w))
    .slice(0, MAX_QUERY_WORDS)
    .map((w) => `"${w}"`);
  return terms.length === 0 ? null : terms.join(' OR ');
}
