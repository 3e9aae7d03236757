/**
 * SERVES (Task → Goal). Plans list goals and tasks separately and never say which task serves
 * which goal; the link is derived, reproducibly, from three kinds of evidence:
 *
 * 1. phrase — the maximal common substrings of the task's text (title, text and sub-items: the
 *    whole item span) and the goal's text, of at least 4 word characters once function characters
 *    (的, 和, …) are trimmed from their ends, leaving out phrases found in more than a fifth of the
 *    plan's units (preamble, section intros, top-level elements: 科技工作者, 科协组织 say nothing)
 *    and the stop phrases of seeds/glossary.json. A phrase inside a longer kept one is not counted
 *    again. Weight = min(1, chars/8) × rarity × place, where rarity = ln(N/df)/ln(N/2) over the
 *    N units (1 when only the task and the goal hold it) and place = 0.7, plus 0.15 if the phrase
 *    stands in the task's title and 0.15 if in the goal's.
 * 2. concept — goal and task (or one of its sub-items) mention the same concept, under any name or
 *    alias (三性 in a task, 政治性先进性群众性 in a goal). Weight = 0.8 × rarity of the concept.
 * 3. curated — an entry of seeds/links/<planId>.json, with a rationale and quotes from both ends
 *    whose offsets are found by searching the task's and the goal's text. Weight 0.9.
 *
 * One edge per (task, goal) pair that has any evidence. Its basis is that of the best evidence,
 * ranking curated > concept > phrase; its score is 1 − Π(1 − weight) over all the evidence, which
 * is kept, best first. A phrase lying on a counted concept mention is not counted again. Evidence
 * fromSpan is on the task, toSpan on the goal. Tasks with no evidence serve no goal.
 */
import type { ElementModel, MentionModel, ServesModel, Span } from '../model.ts';
import { CONCEPT_WEIGHT, CURATED_WEIGHT, groupBy, settle, type Weighed } from './evidence.ts';
import { locateQuote, resolveEndpoint, type CuratedLinks } from './links.ts';
import { elementEnd, sharedPhrases, type PhraseStats } from './phrases.ts';
import type { LineIndex } from './spans.ts';

export interface EdgeContext {
  readonly text: string;
  readonly lines: LineIndex;
  readonly elements: readonly ElementModel[];
  readonly mentions: readonly MentionModel[];
  readonly stats: PhraseStats;
  /** The unit (top-level element, section, plan) an element or section id belongs to. */
  readonly unitOf: (id: string) => string;
  readonly links: CuratedLinks;
}

export function deriveServes(ctx: EdgeContext): ServesModel[] {
  const tasks = ctx.elements.filter((e) => e.kind === 'Task');
  const goals = ctx.elements.filter((e) => e.kind === 'Goal');
  const items: { taskId: string; goalId: string; item: Weighed }[] = [];

  for (const task of tasks) {
    for (const goal of goals) {
      for (const p of sharedPhrases(
        ctx.text,
        ctx.lines,
        elementEnd(task, ctx.elements),
        elementEnd(goal, ctx.elements),
        ctx.stats,
      )) {
        items.push({
          taskId: task.id,
          goalId: goal.id,
          item: {
            basis: 'phrase',
            weight: p.weight,
            evidence: { phrase: p.phrase, fromSpan: p.fromSpan, toSpan: p.toSpan },
          },
        });
      }
      for (const item of sharedConcepts(ctx, task.id, goal.id))
        items.push({ taskId: task.id, goalId: goal.id, item });
    }
  }
  items.push(...curated(ctx, tasks, goals));

  const order = new Map(ctx.elements.map((e) => [e.id, e.order]));
  const serves: ServesModel[] = [];
  for (const group of groupBy(items, (i) => `${i.taskId}\u0000${i.goalId}`).values()) {
    const { taskId, goalId } = group[0]!;
    const edge = settle(group.map((g) => g.item));
    if (!edge) continue;
    const rationale = ctx.links.serves.find((l) => l.from === taskId && l.to === goalId)?.rationale ?? null;
    serves.push({ taskId, goalId, ...edge, rationale });
  }
  return serves.sort(
    (a, b) => order.get(a.taskId)! - order.get(b.taskId)! || order.get(a.goalId)! - order.get(b.goalId)!,
  );
}

/** One piece of evidence per concept mentioned on both ends (first mention on each side). */
export function sharedConcepts(ctx: EdgeContext, fromUnit: string, toUnit: string): Weighed[] {
  const first = (unit: string) => {
    const spans = new Map<string, Span>();
    for (const m of ctx.mentions) {
      if (ctx.unitOf(m.elementId) === unit && !spans.has(m.conceptId)) spans.set(m.conceptId, m.span);
    }
    return spans;
  };
  const fromSpans = first(fromUnit);
  const toSpans = first(toUnit);
  const items: Weighed[] = [];
  for (const [conceptId, fromSpan] of fromSpans) {
    const toSpan = toSpans.get(conceptId);
    if (!toSpan) continue;
    const units = new Set(
      ctx.mentions.filter((m) => m.conceptId === conceptId).map((m) => ctx.unitOf(m.elementId)),
    );
    items.push({
      basis: 'concept',
      weight: CONCEPT_WEIGHT * ctx.stats.rarity(units.size),
      evidence: { phrase: conceptId.slice('concept/'.length), fromSpan, toSpan },
    });
  }
  return items;
}

function curated(ctx: EdgeContext, tasks: readonly ElementModel[], goals: readonly ElementModel[]) {
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const goalById = new Map(goals.map((g) => [g.id, g]));
  const file = ctx.links.file;
  return ctx.links.serves.flatMap((link) => {
    const task = resolveEndpoint(taskById, link.from, 'a task', file, `${link.where}.task`);
    const goal = resolveEndpoint(goalById, link.to, 'a goal', file, `${link.where}.goal`);
    return link.evidence.map((q, j) => {
      const where = `${link.where}.evidence[${j}]`;
      const item: Weighed = {
        basis: 'curated',
        weight: CURATED_WEIGHT,
        evidence: {
          phrase: q.phrase,
          fromSpan: locateQuote(ctx.text, ctx.lines, task, q.fromQuote, file, `${where}.taskQuote`),
          toSpan: locateQuote(ctx.text, ctx.lines, goal, q.toQuote, file, `${where}.goalQuote`),
        },
      };
      return { taskId: task.id, goalId: goal.id, item };
    });
  });
}
