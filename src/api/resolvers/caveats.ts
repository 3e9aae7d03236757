/**
 * Plan.stopsAtLine, Plan.caveats and Coverage.caveats: a cut text and a plan without goals said in
 * words wherever its numbers are read (the sentences are src/api/caveats.ts's).
 */
import type { Resolvers } from '../../generated/graphql.ts';
import type { PlanRow } from '../../graph/rows.ts';
import type { Context } from '../context.ts';
import { cutOf, planCaveats } from '../caveats.ts';
import { required } from './shared.ts';

async function caveatsOf(ctx: Context, plan: PlanRow & { goalCount?: number }): Promise<string[]> {
  // A listing of every plan (Query.plans) brings each plan's count of goals along.
  const goals =
    plan.goalCount ?? (await ctx.loaders.elementsByPlan.load({ planId: plan.id, label: 'Goal' })).length;
  return planCaveats(plan, goals);
}

export const caveatResolvers: Resolvers = {
  Plan: {
    stopsAtLine: (plan) => cutOf(plan)?.line ?? null,
    caveats: (plan, _args, ctx) => caveatsOf(ctx, plan),
  },
  Coverage: {
    caveats: async ({ planId, planIds }, _args, ctx) => {
      const plans =
        planIds !== null && planIds !== undefined
          ? await Promise.all(planIds.map((id) => required<PlanRow>(ctx, id)))
          : planId === null
            ? (await ctx.db.read<{ node: PlanRow }>('plans-all')).map((r) => r.node)
            : [await required<PlanRow>(ctx, planId)];
      return (await Promise.all(plans.map((p) => caveatsOf(ctx, p)))).flat();
    },
  },
};
