/** Node interface lookups: node(id), nodes(ids) and the type of any node row. */
import type { Resolvers } from '../../generated/graphql.ts';
import { NotFoundError, NotFoundWithSuggestionsError } from '../errors.ts';
import { checkId } from './args.ts';
import { nearestIds } from './lookups.ts';
import { typeOf } from './shared.ts';

export const nodeResolvers: Resolvers = {
  Node: { __resolveType: (row) => typeOf(row) },
  PlanElement: {
    __resolveType: (row) => typeOf(row) as 'Principle' | 'Goal' | 'Task' | 'SubItem' | 'Guarantee',
  },
  Query: {
    node: async (_root, { id }, ctx) => {
      const row = await ctx.loaders.node.load(checkId('id', id));
      if (row === null) {
        const nearest = await nearestIds(ctx, id);
        throw nearest.length > 0
          ? new NotFoundWithSuggestionsError('id', id, nearest)
          : new NotFoundError('id', id);
      }
      return row;
    },
    nodes: async (_root, { ids }, ctx) =>
      ctx.loaders.node.loadMany(ids.map((id) => checkId('ids', id))).then((rows) =>
        rows.map((r) => {
          if (r instanceof Error) throw r;
          return r;
        }),
      ),
  },
};
