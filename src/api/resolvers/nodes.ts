/** Node interface lookups: node(id), nodes(ids) and the type of any node row. */
import type { Resolvers } from '../../generated/graphql.ts';
import type { DepartmentRow, LeadRow, NodeRow } from '../../graph/rows.ts';
import { NotFoundError } from '../errors.ts';
import { selects } from '../lookahead.ts';
import { checkId } from './args.ts';
import { typeOf } from './shared.ts';

export const nodeResolvers: Resolvers = {
  Node: { __resolveType: (row) => typeOf(row) },
  PlanElement: {
    __resolveType: (row) => typeOf(row) as 'Principle' | 'Goal' | 'Task' | 'SubItem' | 'Guarantee',
  },
  Query: {
    node: async (_root, { id }, ctx, info) => {
      checkId('id', id);
      // Look-ahead: a task's lead edges and departments come in the same statement when selected.
      if (selects(info, 'leads', 'leadDepartments')) {
        const [found] = await ctx.db.read<{
          node: NodeRow;
          leads: { row: LeadRow; endpoint: DepartmentRow }[] | null;
        }>('node-with-leads-by-ids', { ids: [id] });
        if (found === undefined) throw new NotFoundError('id', id);
        if (found.leads) ctx.loaders.leadsByTask.prime(id, ctx.loaders.edgeRows(found.leads));
        ctx.loaders.primeNode(found.node);
        return found.node;
      }
      const row = await ctx.loaders.node.load(id);
      if (row === null) throw new NotFoundError('id', id);
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
