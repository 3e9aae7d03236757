/** Node interface lookups: node(id), nodes(ids) and the type of any node row. */
import type { Resolvers } from '../../generated/graphql.ts';
import type { DepartmentRow, LeadRow, NodeRow } from '../../graph/rows.ts';
import { BadInputError, NotFoundError, NotFoundWithSuggestionsError } from '../errors.ts';
import { namesAt, selects } from '../lookahead.ts';
import { NODE_ID_EXPECTED, checkNodeId } from './args.ts';
import { nearestIds } from './lookups.ts';
import { SLIM_DEPARTMENT_LEAVES, slimFits, typeOf } from './shared.ts';

export const nodeResolvers: Resolvers = {
  Node: { __resolveType: (row) => typeOf(row) },
  PlanElement: {
    __resolveType: (row) => typeOf(row) as 'Principle' | 'Goal' | 'Task' | 'SubItem' | 'Guarantee' | 'Step',
  },
  Query: {
    node: async (_root, { id }, ctx, info) => {
      checkNodeId('id', id);
      let row: NodeRow | null = null;
      // Look-ahead: a task's lead edges and departments come in the same statement when selected.
      if (selects(info, 'leads', 'leadDepartments')) {
        const [found] = await ctx.db.read<{
          node: NodeRow;
          leads: { row: LeadRow; endpoint: DepartmentRow }[] | null;
        }>('node-with-leads-by-ids', {
          ids: [id],
          // Slim lead rows (shared.ts) when only the departments are read, and nothing they leave out.
          slimLeads:
            !selects(info, 'leads') && slimFits(namesAt(info, ['leadDepartments']), SLIM_DEPARTMENT_LEAVES),
        });
        if (found !== undefined) {
          if (found.leads) ctx.loaders.leadsByTask.prime(id, ctx.loaders.edgeRows(found.leads));
          ctx.loaders.primeNode(found.node);
          return found.node;
        }
      } else {
        row = await ctx.loaders.node.load(id);
      }
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
