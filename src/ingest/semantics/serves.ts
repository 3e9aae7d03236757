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
import { elementEnd, GramIndex, phrasesOfRuns, type PhraseStats } from './phrases.ts';
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
  const goalEnds = goals.map((g) => elementEnd(g, ctx.elements));
  // Pairs come from what they share (grams, concepts), never from trying every task on every goal.
  const index = new GramIndex(ctx.text, goalEnds);
  const concepts = new ConceptUnits(ctx);
  const items: { taskId: string; goalId: string; item: Weighed }[] = [];

  for (const task of tasks) {
    const end = elementEnd(task, ctx.elements);
    const runs = index.commonRuns(end);
    const withConcept = new Set(
      concepts.sharedWith(
        task.id,
        goals.map((g) => g.id),
      ),
    );
    goals.forEach((goal, g) => {
      for (const p of phrasesOfRuns(ctx.text, ctx.lines, end, goalEnds[g]!, ctx.stats, runs.get(g) ?? [])) {
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
      if (!withConcept.has(goal.id)) return;
      for (const item of concepts.shared(task.id, goal.id))
        items.push({ taskId: task.id, goalId: goal.id, item });
    });
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

/**
 * The concepts each unit mentions (first mention of each, in text order) and how many units
 * mention each concept, computed once for the plan.
 */
export class ConceptUnits {
  private readonly firstByUnit = new Map<string, Map<string, Span>>();
  private readonly unitCount = new Map<string, number>();
  private readonly unitsOf = new Map<string, Set<string>>();

  constructor(private readonly ctx: EdgeContext) {
    const unitsOf = this.unitsOf;
    for (const m of ctx.mentions) {
      const unit = ctx.unitOf(m.elementId);
      const first = this.firstByUnit.get(unit) ?? new Map<string, Span>();
      if (!first.has(m.conceptId)) first.set(m.conceptId, m.span);
      this.firstByUnit.set(unit, first);
      const units = unitsOf.get(m.conceptId) ?? new Set<string>();
      units.add(unit);
      unitsOf.set(m.conceptId, units);
    }
    for (const [conceptId, units] of unitsOf) this.unitCount.set(conceptId, units.size);
  }

  /** The units among `candidates` that mention a concept `unit` mentions. */
  sharedWith(unit: string, candidates: readonly string[]): string[] {
    const mine = this.firstByUnit.get(unit);
    if (!mine) return [];
    const sharing = new Set<string>();
    for (const conceptId of mine.keys()) for (const u of this.unitsOf.get(conceptId) ?? []) sharing.add(u);
    return candidates.filter((c) => sharing.has(c));
  }

  /** One piece of evidence per concept mentioned on both ends (first mention on each side). */
  shared(fromUnit: string, toUnit: string): Weighed[] {
    const fromSpans = this.firstByUnit.get(fromUnit) ?? new Map<string, Span>();
    const toSpans = this.firstByUnit.get(toUnit) ?? new Map<string, Span>();
    const items: Weighed[] = [];
    for (const [conceptId, fromSpan] of fromSpans) {
      const toSpan = toSpans.get(conceptId);
      if (!toSpan) continue;
      items.push({
        basis: 'concept',
        weight: CONCEPT_WEIGHT * this.ctx.stats.rarity(this.unitCount.get(conceptId)!),
        evidence: { phrase: conceptId.slice('concept/'.length), fromSpan, toSpan },
      });
    }
    return items;
  }
}

/** One piece of evidence per concept mentioned on both ends (first mention on each side). */
export function sharedConcepts(ctx: EdgeContext, fromUnit: string, toUnit: string): Weighed[] {
  return new ConceptUnits(ctx).shared(fromUnit, toUnit);
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
