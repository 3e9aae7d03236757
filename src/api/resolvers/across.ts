/**
 * Questions across plans and years, one statement each and paged like the coverage lists (`first`
 * up to 500 from `offset`): a concept's and a department's plans by year, the plans citing a
 * document, a task's line through SAME_AS / CONTINUES both ways; and a department by name.
 */
import type { Resolvers } from '../../generated/graphql.ts';
import type { DepartmentRow, PlanRow } from '../../graph/rows.ts';
import type { Page } from '../loaders.ts';
import { BadInputError, NotFoundError, NotFoundWithSuggestionsError } from '../errors.ts';
import { checkFirst, checkOffset } from './args.ts';
import { nearestIds } from './lookups.ts';
import { required } from './shared.ts';

/** The page a field asks for, with the node it is about: a key of the paged loaders. */
const pageOf = (id: string, page: { first?: number | null; offset?: number | null }) => ({
  id,
  offset: checkOffset(page.offset),
  first: checkFirst(page.first, 100),
});

/** The rows of a page, as the mutable list the generated resolver types ask for. */
const rowsOf = async <V>(page: Promise<Page<V>>): Promise<V[]> => [...(await page).rows];

const plan = (row: { planId: string }, _a: unknown, ctx: Parameters<typeof required>[0]) =>
  required<PlanRow>(ctx, row.planId);

/** Names longer than any department's: refused before any statement runs. */
const MAX_NAME = 200;

export const acrossResolvers: Resolvers = {
  Query: {
    department: async (_root, { name, scope }, ctx) => {
      const asked = name.trim();
      if (asked === '' || asked.length > MAX_NAME)
        throw new BadInputError(
          'name',
          `a department's id, name or alias (1 to ${MAX_NAME} characters)`,
          name,
        );
      const rows = await ctx.db.read<{ node: DepartmentRow }>('departments-by-name', {
        name: asked,
        scope: scope ?? null,
      });
      if (rows.length === 1) {
        ctx.loaders.primeNode(rows[0]!.node);
        return rows[0]!.node;
      }
      if (rows.length > 1) {
        const named = rows.map((r) => `${r.node.scope ?? '(no scope)'}: ${r.node.id}`).join(', ');
        throw new BadInputError(
          'scope',
          `the scope of one of the departments ${JSON.stringify(asked)} names (${named})`,
          scope ?? null,
        );
      }
      const nearest = await nearestIds(ctx, asked.startsWith('dept/') ? asked : `dept/${asked}`);
      throw nearest.length > 0
        ? new NotFoundWithSuggestionsError('department', asked, nearest)
        : new NotFoundError('department', asked);
    },
  },
  Concept: {
    plansByYear: (c, page, ctx) => rowsOf(ctx.loaders.plansByConcept.load(pageOf(c.id, page))),
  },
  Department: {
    plansByYear: (d, page, ctx) => rowsOf(ctx.loaders.plansByDepartment.load(pageOf(d.id, page))),
  },
  Document: {
    citingPlans: (d, page, ctx) => rowsOf(ctx.loaders.plansCitingDocument.load(pageOf(d.id, page))),
  },
  Task: {
    lineage: async (t, page, ctx) => {
      const { rows } = await ctx.loaders.lineageOfTask.load(pageOf(t.id, page));
      for (const row of rows) ctx.loaders.primeNode(row.task);
      return [...rows];
    },
  },
  ConceptInPlan: { plan },
  DepartmentInPlan: { plan },
  CitingPlan: { plan, firstCitation: (row) => row.first },
  TaskLink: { plan },
};
