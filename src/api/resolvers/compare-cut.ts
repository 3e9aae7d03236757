/**
 * compare(a, b) when a plan is a cut text: a task of one plan with no counterpart in the other
 * says nothing when the other's text stopped before it could be read. Such tasks move out of
 * `onlyInA` / `onlyInB` into `unreadInB` / `unreadInA`, and lead changes keep only tasks whose
 * counterpart was read; `caveats` says so in words. These field resolvers work on what
 * `Query.compare` returns, whatever way it aligned the tasks. Also `sharedConcepts(a, b)`: what
 * both plans name, counted in one statement.
 */
import type { Resolvers } from '../../generated/graphql.ts';
import type { ConceptRow, ElementRow, PlanRow } from '../../graph/rows.ts';
import { cutOf, planCaveats, stopsAt } from '../caveats.ts';
import { planOrFail } from './shared.ts';

interface Parent {
  a: PlanRow;
  b: PlanRow;
  aligned: readonly { a: ElementRow; b: ElementRow }[];
  onlyInA: readonly ElementRow[];
  onlyInB: readonly ElementRow[];
  leadChanges: readonly { gained: readonly ElementRow[]; lost: readonly ElementRow[] }[];
}

const parent = (p: unknown) => p as Parent;
const cut = (plan: PlanRow) => cutOf(plan) !== null;

export const compareCutResolvers: Resolvers = {
  Query: {
    sharedConcepts: async (_root, args, ctx) => {
      const [a, b] = await Promise.all([planOrFail(ctx, args.a, 'a'), planOrFail(ctx, args.b, 'b')]);
      return ctx.db.read<{ concept: ConceptRow; mentionsInA: number; mentionsInB: number }>(
        'shared-concepts',
        { a: a.id, b: b.id },
      );
    },
  },
  PlanComparison: {
    onlyInA: (p) => (cut(parent(p).b) ? [] : [...parent(p).onlyInA]),
    onlyInB: (p) => (cut(parent(p).a) ? [] : [...parent(p).onlyInB]),
    unreadInB: (p) => (cut(parent(p).b) ? [...parent(p).onlyInA] : []),
    unreadInA: (p) => (cut(parent(p).a) ? [...parent(p).onlyInB] : []),
    leadChanges: (p) => {
      const { a, b, aligned, leadChanges } = parent(p);
      const inA = new Set(aligned.map((x) => x.a.id));
      const inB = new Set(aligned.map((x) => x.b.id));
      const bCut = cut(b);
      const aCut = cut(a);
      return leadChanges
        .map((change) => ({
          ...change,
          // A task of a led here and absent from what was read of b: b may lead it past its cut.
          lost: bCut ? change.lost.filter((t) => inA.has(t.id)) : change.lost,
          gained: aCut ? change.gained.filter((t) => inB.has(t.id)) : change.gained,
        }))
        .filter((change) => change.gained.length + change.lost.length > 0) as never;
    },
    caveats: async (p, _args, ctx) => {
      const { a, b } = parent(p);
      const out: string[] = [];
      for (const [plan, other, list] of [
        [a, b, 'unreadInA'],
        [b, a, 'unreadInB'],
      ] as const) {
        const goals = await ctx.loaders.elementsByPlan.load({ planId: plan.id, label: 'Goal' });
        out.push(...planCaveats(plan, goals.length));
        const where = cutOf(plan);
        if (where !== null) {
          out.push(
            `Tasks of ${other.id} with no counterpart in ${plan.id} are listed in ${list}, not as only in ` +
              `${other.id} nor as lost or gained leads: ${plan.id} ${stopsAt(where)}, and what follows is unknown. ` +
              `Concepts ${plan === a ? 'appearing' : 'disappearing'} compare against the part read only.`,
          );
        }
      }
      return out;
    },
  },
};
