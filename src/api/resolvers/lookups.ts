/**
 * Lookups a newcomer guesses: an element by plan and number (`goal`, `principle`, `guarantee`,
 * like `task`), a concept by any of its names, and "did you mean" for ids and names that match
 * nothing.
 */
import type { Resolvers } from '../../generated/graphql.ts';
import type { ConceptRow, ElementRow, NodeRow } from '../../graph/rows.ts';
import type { Context } from '../context.ts';
import { BadInputError, NotFoundError, NotFoundWithSuggestionsError } from '../errors.ts';
import { type Named, nearestNames, normalName } from '../suggest.ts';
import { checkPlanId } from './args.ts';

type NumberedKind = 'Goal' | 'Principle' | 'Guarantee';

async function byNumber(ctx: Context, kind: NumberedKind, planId: string, number: number) {
  const plan = await ctx.loaders.node.load(checkPlanId('planId', planId)!);
  if (plan === null || !plan.labels.includes('Plan')) throw new NotFoundError('planId', planId);
  if (!Number.isInteger(number) || number < 1) {
    throw new BadInputError('number', 'a positive integer', number);
  }
  const [row] = await ctx.db.read<{ node: ElementRow }>('element-by-number', {
    planId,
    label: kind,
    number,
  });
  if (row === undefined) throw new NotFoundError(kind.toLowerCase(), `${planId} #${number}`);
  ctx.loaders.node.prime(row.node.id, row.node);
  return row.node;
}

/** Names of every concept (or department), for suggestions. */
function names(ctx: Context, family: 'concept' | 'department'): Promise<Named[]> {
  return ctx.db.read<Named & Record<string, unknown>>(`${family}-names`);
}

/**
 * For an id of a shared node (concept/…, dept/…) that matches nothing: the nearest existing ids.
 * Other ids (a plan's elements) get none.
 */
export async function nearestIds(ctx: Context, id: string): Promise<string[]> {
  const match = /^(concept|dept)\/(.+)$/u.exec(id);
  if (match === null) return [];
  const family = match[1] === 'concept' ? 'concept' : 'department';
  const entries = await names(ctx, family);
  const nearest = nearestNames(match[2]!, entries);
  return nearest.map((name) => entries.find((e) => e.name === name)!.id);
}

export const lookupResolvers: Resolvers = {
  Query: {
    goal: (_root, { planId, number }, ctx) => byNumber(ctx, 'Goal', planId, number),
    principle: (_root, { planId, number }, ctx) => byNumber(ctx, 'Principle', planId, number),
    guarantee: (_root, { planId, number }, ctx) => byNumber(ctx, 'Guarantee', planId, number),
    concept: async (_root, { name }, ctx) => {
      const wanted = normalName(name);
      if (wanted === '') throw new BadInputError('name', 'a concept name or alias such as 四服务', name);
      for (const candidate of new Set([name.trim(), wanted])) {
        const [row] = await ctx.db.read<{ node: ConceptRow }>('concept-by-name', { name: candidate });
        if (row !== undefined) {
          ctx.loaders.node.prime(row.node.id, row.node as NodeRow);
          return row.node;
        }
      }
      throw new NotFoundWithSuggestionsError(
        'concept',
        name,
        nearestNames(name, await names(ctx, 'concept')),
      );
    },
  },
};
