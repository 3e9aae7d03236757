/** Plans, sections and the numbered elements (principles, goals, tasks, sub-items, guarantees). */
import type { Resolvers } from '../../generated/graphql.ts';
import type { DepartmentRow, ElementKind, ElementRow, PlanRow, SectionRow } from '../../graph/rows.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { checkFirst, checkGoalId, connection, offsetAfter } from './args.ts';
import { atLeast } from './scores.ts';
import { planOrFail, required, span } from './shared.ts';

async function subItemsPage(
  ctx: Context,
  planId: string | null,
  first?: number | null,
  after?: string | null,
) {
  const size = checkFirst(first);
  const offset = offsetAfter(after);
  const [page] = await ctx.db.read<{ total: number; nodes: ElementRow[] }>('subitems-page', {
    planId,
    offset,
    first: size,
  });
  for (const row of page?.nodes ?? []) ctx.loaders.node.prime(row.id, row);
  return connection(page?.nodes ?? [], page?.total ?? 0, offset);
}

const owned = (label: ElementKind) => (plan: PlanRow, _args: unknown, ctx: Context) =>
  ctx.loaders.elementsByPlan.load({ planId: plan.id, label });

/** Fields every PlanElement type shares. */
const elementFields = {
  plan: (e: ElementRow, _args: unknown, ctx: Context) => required<PlanRow>(ctx, e.planId),
  source: (e: ElementRow) => span(e),
  titleSource: (e: ElementRow) => span(e, 'title'),
  section: (e: ElementRow, _args: unknown, ctx: Context) => required<SectionRow>(ctx, e.sectionId),
  mentions: (e: ElementRow, _args: unknown, ctx: Context) => ctx.loaders.mentionsByElement.load(e.id),
  concepts: (e: ElementRow, _args: unknown, ctx: Context) => ctx.loaders.conceptsByElement.load(e.id),
  truncated: (e: ElementRow) => e.truncated ?? false,
};

export const planResolvers: Resolvers = {
  Query: {
    plans: async (_root, _args, ctx) => {
      const rows = await ctx.db.read<{ node: PlanRow }>('plans-all');
      return rows.map((r) => r.node);
    },
    plan: (_root, { id }, ctx) => planOrFail(ctx, id),
    tasks: async (_root, { planId, filter, orderBy }, ctx) => {
      if (planId) await planOrFail(ctx, planId);
      const goalId = checkGoalId('filter.goalId', filter?.goalId);
      if (goalId !== null && (await ctx.loaders.node.load(goalId)) === null) {
        throw new NotFoundError('filter.goalId', goalId);
      }
      const rows = await ctx.db.read<{ node: ElementRow }>('tasks-filtered', {
        planId: planId ?? null,
        department: filter?.department ?? null,
        concept: filter?.concept ?? null,
        goalId,
        text: filter?.text ?? null,
        orderBy: orderBy ?? 'NUMBER',
      });
      return rows.map((r) => r.node);
    },
    task: async (_root, { planId, number }, ctx) => {
      await planOrFail(ctx, planId);
      const [row] = await ctx.db.read<{ node: ElementRow }>('task-by-number', { planId, number });
      if (row === undefined) throw new NotFoundError('task', `${planId} #${number}`);
      return row.node;
    },
    goals: async (_root, { planId }, ctx) => {
      if (planId) await planOrFail(ctx, planId);
      const rows = await ctx.db.read<{ node: ElementRow }>('goals-by-plan', { planId: planId ?? null });
      return rows.map((r) => r.node);
    },
    subItems: async (_root, { planId, first, after }, ctx) => {
      if (planId) await planOrFail(ctx, planId);
      return subItemsPage(ctx, planId ?? null, first, after);
    },
  },
  Plan: {
    preamble: (p) => p.text ?? '',
    addressees: (p) => [...(p.addressees ?? [])],
    copyTo: (p) => [...(p.copyTo ?? [])],
    source: (p) => span(p),
    facts: (p) =>
      Object.entries(JSON.parse(p.metaSpansJson) as Record<string, Record<string, unknown>>).map(
        ([field, s]) => ({ field, source: span(s) }),
      ),
    sourceFile: (p) => ({
      file: p.sourceFile,
      sha256: p.sha256,
      url: p.sourceUrl,
      bytes: p.sourceBytes,
      encoding: p.encoding,
    }),
    warnings: (p) => JSON.parse(p.warningsJson),
    complete: (p) => p.complete ?? true,
    sections: (p, _a, ctx) => ctx.loaders.sectionsByParent.load(p.id),
    principles: owned('Principle'),
    goals: owned('Goal'),
    tasks: owned('Task'),
    guarantees: owned('Guarantee'),
    problems: (p, _a, ctx) => ctx.loaders.problemsByPlan.load({ planId: p.id, label: 'Problem' }),
    departments: (p, _a, ctx) => ctx.loaders.departmentsByPlan.load(p.id),
    concepts: (p, _a, ctx) => ctx.loaders.conceptsByPlan.load(p.id),
    subItems: (p, { first, after }, ctx) => subItemsPage(ctx, p.id, first, after),
  },
  Section: {
    plan: (s, _a, ctx) => required<PlanRow>(ctx, s.planId),
    text: (s) => s.text ?? '',
    source: (s) => span(s),
    parent: (s, _a, ctx) => (s.parentId ? required<SectionRow>(ctx, s.parentId) : null),
    sections: (s, _a, ctx) => ctx.loaders.sectionsByParent.load(s.id),
    elements: (s, _a, ctx) => ctx.loaders.elementsBySection.load(s.id),
    mentions: (s, _a, ctx) => ctx.loaders.mentionsByElement.load(s.id),
    truncated: (s) => s.truncated ?? false,
  },
  Principle: {
    ...elementFields,
    states: (e, _a, ctx) => ctx.loaders.problemsByStater.load(e.id),
  },
  Goal: {
    ...elementFields,
    servedBy: (e, { minScore }, ctx) => atLeast(ctx.loaders.servesByGoal.load(e.id), minScore),
  },
  Task: {
    ...elementFields,
    subItems: (e, _a, ctx) => ctx.loaders.subItemsByTask.load(e.id),
    leads: (e, _a, ctx) => ctx.loaders.leadsByTask.load(e.id),
    participants: (e, _a, ctx) => ctx.loaders.participationsByTask.load(e.id),
    leadDepartments: async (e, _a, ctx) => {
      const leads = await ctx.loaders.leadsByTask.load(e.id);
      return Promise.all(leads.map((l) => required<DepartmentRow>(ctx, l.departmentId)));
    },
    serves: (e, { minScore }, ctx) => atLeast(ctx.loaders.servesByTask.load(e.id), minScore),
    addresses: (e, { minScore }, ctx) => atLeast(ctx.loaders.addressesByElement.load(e.id), minScore),
  },
  SubItem: {
    ...elementFields,
    task: (e, _a, ctx) => required<ElementRow>(ctx, e.parentId!),
  },
  Guarantee: {
    ...elementFields,
    addresses: (e, { minScore }, ctx) => atLeast(ctx.loaders.addressesByElement.load(e.id), minScore),
  },
};
