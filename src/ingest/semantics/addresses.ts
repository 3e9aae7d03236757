/**
 * ADDRESSES (element → problem): which parts of the plan answer the problems it names.
 *
 * 1. mention — an element mentions the concept that names the problem (its quoted term, e.g. a
 *    guarantee that sets out to 克服“上热下冷”弊端). The mention's own element (innermost: a sub-item
 *    before its task) is the source. Weight 0.9.
 * 2. phrase — a top-level element (principle, goal, task with its sub-items, guarantee) shares a
 *    phrase with the problem's clause, under the same rule and weights as SERVES (see serves.ts and
 *    phrases.ts); place counts the element's title only, a problem having none.
 * 3. curated — an entry of seeds/links/<planId>.json with rationale and quotes. Weight 0.9.
 *
 * The element that states the problem (and any element containing that statement) is never a
 * source. One edge per (element, problem); basis ranked curated > mention > phrase; score
 * 1 − Π(1 − weight); evidence best first, fromSpan on the element, toSpan on the problem.
 */
import type { AddressesModel, ElementModel, Span } from '../model.ts';
import { CURATED_WEIGHT, MENTION_WEIGHT, groupBy, settle, type Weighed } from './evidence.ts';
import { locateQuote, resolveEndpoint } from './links.ts';
import { elementEnd, sharedPhrases } from './phrases.ts';
import type { FoundProblem } from './problems.ts';
import type { EdgeContext } from './serves.ts';

interface Item {
  readonly elementId: string;
  readonly problemId: string;
  readonly item: Weighed;
}

export function deriveAddresses(ctx: EdgeContext, problems: readonly FoundProblem[]): AddressesModel[] {
  const byId = new Map(ctx.elements.map((e) => [e.id, e]));
  const items: Item[] = [];
  for (const { model: problem, nameSpan } of problems) {
    const sources = ctx.elements.filter((e) => !contains(elementEnd(e, ctx.elements), problem.span));
    const allowed = new Set(sources.map((e) => e.id));

    if (nameSpan) {
      const named = ctx.mentions.find((m) => m.span.start === nameSpan.start && m.span.end === nameSpan.end);
      for (const m of ctx.mentions) {
        if (!named || m.conceptId !== named.conceptId || !allowed.has(m.elementId)) continue;
        items.push({
          elementId: m.elementId,
          problemId: problem.id,
          item: {
            basis: 'mention',
            weight: MENTION_WEIGHT,
            evidence: { phrase: problem.name, fromSpan: m.span, toSpan: nameSpan },
          },
        });
      }
    }

    const to = { start: problem.span.start, end: problem.span.end, title: null };
    for (const element of sources.filter((e) => e.parentId === null)) {
      for (const p of sharedPhrases(ctx.text, ctx.lines, elementEnd(element, ctx.elements), to, ctx.stats)) {
        items.push({
          elementId: element.id,
          problemId: problem.id,
          item: {
            basis: 'phrase',
            weight: p.weight,
            evidence: { phrase: p.phrase, fromSpan: p.fromSpan, toSpan: p.toSpan },
          },
        });
      }
    }
  }
  items.push(...curated(ctx, byId, problems));

  const problemOrder = new Map(problems.map((p) => [p.model.id, p.model.number]));
  const addresses: AddressesModel[] = [];
  for (const group of groupBy(items, (i) => `${i.elementId}\u0000${i.problemId}`).values()) {
    const { elementId, problemId } = group[0]!;
    const edge = settle(group.map((g) => g.item));
    if (!edge) continue;
    const rationale =
      ctx.links.addresses.find((l) => l.from === elementId && l.to === problemId)?.rationale ?? null;
    addresses.push({ elementId, problemId, ...edge, rationale });
  }
  return addresses.sort(
    (a, b) =>
      problemOrder.get(a.problemId)! - problemOrder.get(b.problemId)! ||
      byId.get(a.elementId)!.order - byId.get(b.elementId)!.order,
  );
}

function contains(outer: { start: number; end: number }, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function curated(
  ctx: EdgeContext,
  byId: ReadonlyMap<string, ElementModel>,
  problems: readonly FoundProblem[],
): Item[] {
  const problemById = new Map(problems.map((p) => [p.model.id, p.model]));
  const file = ctx.links.file;
  return ctx.links.addresses.flatMap((link) => {
    const element = resolveEndpoint(byId, link.from, 'an element', file, `${link.where}.element`);
    const problem = resolveEndpoint(problemById, link.to, 'a problem', file, `${link.where}.problem`);
    return link.evidence.map((q, j) => {
      const where = `${link.where}.evidence[${j}]`;
      const item: Weighed = {
        basis: 'curated',
        weight: CURATED_WEIGHT,
        evidence: {
          phrase: q.phrase,
          fromSpan: locateQuote(ctx.text, ctx.lines, element, q.fromQuote, file, `${where}.elementQuote`),
          toSpan: locateQuote(ctx.text, ctx.lines, problem, q.toQuote, file, `${where}.problemQuote`),
        },
      };
      return { elementId: element.id, problemId: problem.id, item };
    });
  });
}
