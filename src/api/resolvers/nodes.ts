/** Node interface lookups: node(id), nodes(ids) and the type of any node row. */
import type { Resolvers } from '../../generated/graphql.ts';
import { BadInputError, NotFoundError, NotFoundWithSuggestionsError } from '../errors.ts';
import { NODE_ID_EXPECTED, checkNodeId } from './args.ts';
import { nearestIds } from './lookups.ts';
import { typeOf } from './shared.ts';

export const nodeResolvers: Resolvers = {
  Node: { __resolveType: (row) => typeOf(row) },
  PlanElement: {
    __resolveType: (row) => typeOf(row) as 'Principle' | 'Goal' | 'Task' | 'SubItem' | 'Guarantee',
  },
  Query: {
    node: async (_root, { id }, ctx) => {
      const row = await ctx.loaders.node.load(checkNodeId('id', id));
      if (row !== null) return row;
      // A one-segment id can only name a plan: when no plan has it, it is no id at all.
      if (!id.includes('/')) throw new BadInputError('id', `${NODE_ID_EXPECTED} (no plan has this id)`, id);
      const nearest = await nearestIds(ctx, id);
      throw nearest.length > 0
        ? new NotFoundWithSuggestionsError('id', id, nearest)
        : new NotFoundError('id', id);
    },
    nodes: async (_root, { ids }, ctx) =>
      ctx.loaders.node.loadMany(ids.map((id) => checkNodeId('ids', id))).then((rows) =>
        rows.map((r) => {
          if (r instanceof Error) throw r;
          return r;
        }),
      ),
  },
};
