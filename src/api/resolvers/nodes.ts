/** Node interface lookups: node(id), nodes(ids) and the type of any node row. */
import type { Resolvers } from '../../generated/graphql.ts';
import type { DepartmentRow, LeadRow, NodeRow } from '../../graph/rows.ts';
import { BadInputError, NotFoundError, NotFoundWithSuggestionsError } from '../errors.ts';
import { namesAt, selects } from '../lookahead.ts';
import { keepAhead } from '../ahead.ts';
import { listOr, slimElement, slimLead } from './slim.ts';
import { NODE_ID_EXPECTED, checkNodeId } from './args.ts';
import { nearestIds } from './lookups.ts';
import { SLIM_DEPARTMENT_LEAVES, slimFits, typeOf } from './shared.ts';

/** Fields of a task that a slim task row answers by itself (the lead edges come beside it). */
const SLIM_TASK_READS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'number',
  'title',
  'leads',
  'leadDepartments',
]);

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
          node: NodeRow | unknown[];
          leads: ({ row: LeadRow; endpoint: DepartmentRow } | unknown[])[] | null;
        }>('node-with-leads-by-ids', {
          ids: [id],
          // Slim lead rows (shared.ts) when only the departments are read, and nothing they leave out.
          slimLeads:
            !selects(info, 'leads') && slimFits(namesAt(info, ['leadDepartments']), SLIM_DEPARTMENT_LEAVES),
          // A slim task row when the query reads no more of it than a slim row holds (slim.ts).
          slimTask: [...namesAt(info, [])].every((name) => SLIM_TASK_READS.has(name)),
        });
        if (found !== undefined) {
          const node = listOr(found.node, slimElement) as NodeRow;
          if (found.leads) {
            const leads = found.leads.map((l) => listOr(l, (v) => slimLead(node.id, v)));
            keepAhead(node, 'leads', ctx.loaders.edgeRows(leads));
          }
          ctx.loaders.primeNode(node);
          return node;
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
