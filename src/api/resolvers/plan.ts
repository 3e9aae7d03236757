/** Plans, sections and the numbered elements (principles, goals, tasks, sub-items, guarantees). */
import type { AppendixModel, ColumnValueModel } from '../../ingest/model.ts';
import type { Resolvers } from '../../generated/graphql.ts';
import type {
  ConceptRow,
  DepartmentRow,
  DerivedRow,
  ElementKind,
  ElementRow,
  LeadRow,
  NodeRow,
  PlanRow,
  SectionRow,
} from '../../graph/rows.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { checkFirst, checkGoalId, checkPlanId, connection, offsetAfter } from './args.ts';
import { childFields, namesAt, selects } from '../lookahead.ts';
import { atLeast } from './scores.ts';
import { allOf, fetchedAhead, keepAhead } from '../ahead.ts';
import { conceptRow, listOr, slimElement, slimLead, slimServes } from './slim.ts';
import {
  SLIM_DEPARTMENT_LEAVES,
  SLIM_ELEMENT_LEAVES,
  endOf,
  full,
  known,
  own,
  planOrFail,
  required,
  slimFits,
  span,
} from './shared.ts';

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

/** A row of cypher/tasks-filtered: slim rows and concepts come as lists of values (slim.ts). */
type TaskRows = {
  node: ElementRow | unknown[];
  subItems: (ElementRow | unknown[])[] | null;
  leads: ({ row: LeadRow; endpoint: DepartmentRow } | unknown[])[] | null;
  serves: ({ row: DerivedRow; endpoint: ElementRow } | unknown[])[] | null;
  concepts: unknown[][] | null;
};

/** Rows fetched ahead go to the node loader too: following an edge to them later costs nothing. */
const primed =
  (ctx: Context) =>
  <T extends NodeRow>(row: T): T => {
    ctx.loaders.primeNode(row);
    return row;
  };

const owned = (label: ElementKind) => (plan: PlanRow, _args: unknown, ctx: Context) =>
  ctx.loaders.elementsByPlan.load({ planId: plan.id, label });

/** Fields every PlanElement type shares. Rows of lists come back short: text and spans via `full`. */
const elementFields = {
  plan: (e: ElementRow, _args: unknown, ctx: Context) => required<PlanRow>(ctx, e.planId),
  text: async (e: ElementRow, _args: unknown, ctx: Context) => (await full(ctx, e)).text,
  source: async (e: ElementRow, _args: unknown, ctx: Context) => span(await full(ctx, e)),
  titleSource: async (e: ElementRow, _args: unknown, ctx: Context) => span(await full(ctx, e), 'title'),
  // marker, section and truncated are read through `own`: a slim row (shared.ts) leaves them out.
  marker: (e: ElementRow, _args: unknown, ctx: Context) => own(ctx, e, 'marker', (marker) => marker),
  section: (e: ElementRow, _args: unknown, ctx: Context) =>
    own(ctx, e, 'sectionId', (id) => required<SectionRow>(ctx, id)),
  mentions: (e: ElementRow, _args: unknown, ctx: Context) => ctx.loaders.mentionsByElement.load(e.id),
  concepts: (e: ElementRow, _args: unknown, ctx: Context) =>
    fetchedAhead<ConceptRow[]>(e, 'concepts') ?? ctx.loaders.conceptsByElement.load(e.id),
  truncated: (e: ElementRow, _args: unknown, ctx: Context) =>
    own(ctx, e, 'truncated', (truncated) => truncated ?? false),
};

/** Fields of Plan that cypher/plans-listing's rows answer (caveats with cypher/goal-counts-by-plan's counts). */
const LISTING_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'title',
  'noticeTitle',
  'issuer',
  'issuedDate',
  'issuedDateRaw',
  'publishedDate',
  'approvedBy',
  'loaderVersion',
  'complete',
  'stopsAtLine',
  'caveats',
]);

/**
 * A plan as cypher/plans-listing gives it: what LISTING_FIELDS read (warnings only on a cut plan), and
 * its count of goals when Plan.caveats is asked.
 */
type PlanListingRow = { goalCount?: number } & Pick<
  PlanRow,
  | 'id'
  | 'labels'
  | 'title'
  | 'noticeTitle'
  | 'issuer'
  | 'issuedDate'
  | 'issuedDateRaw'
  | 'publishedDate'
  | 'approvedBy'
  | 'loaderVersion'
  | 'complete'
  | 'warningsJson'
>;

export const planResolvers: Resolvers = {
  Query: {
    plans: async (_root, _args, ctx, info) => {
      // A list of plans to choose from (the explorer's switcher) asks only for fields of the listing: its
      // narrower statement leaves every plan's text, spans and warnings in the graph (2.6 MB at 1,000 plans).
      if (childFields(info).every((f) => LISTING_FIELDS.has(f.name.value))) {
        const caveats = selects(info, 'caveats');
        const [rows, counts] = await Promise.all([
          ctx.db.read<{ node: PlanListingRow }>('plans-listing'),
          caveats ? ctx.db.read<{ planId: string; goals: number }>('goal-counts-by-plan') : [],
        ]);
        // Plan.caveats says when a plan has no goals: the count rides on the row, no goal is read.
        const goals = new Map(counts.map((c) => [c.planId, c.goals]));
        const listed: PlanListingRow[] = caveats
          ? rows.map((r) => ({ ...r.node, goalCount: goals.get(r.node.id) ?? 0 }))
          : rows.map((r) => r.node);
        // Only the fields of LISTING_FIELDS are resolved on these rows: they hold what those fields read.
        return listed.map((r) => r as PlanRow);
      }
      const rows = await ctx.db.read<{ node: PlanRow }>('plans-all');
      return rows.map((r) => r.node);
    },
    plan: (_root, { id }, ctx) => planOrFail(ctx, id),
    tasks: async (_root, { planId, filter, orderBy }, ctx, info) => {
      const plan = checkPlanId('planId', planId);
      const goalId = checkGoalId('filter.goalId', filter?.goalId);
      // The children the query selects come in the same statement (look-ahead), primed below;
      // slim rows (shared.ts) where the query reads nothing they leave out.
      const names = namesAt(info, []);
      const fetch = {
        subItems: names.has('subItems'),
        leads: names.has('leads') || names.has('leadDepartments'),
        serves: names.has('serves'),
        concepts: names.has('concepts'),
      };
      const slim = {
        node: slimFits(names, SLIM_ELEMENT_LEAVES),
        subItems: slimFits(namesAt(info, ['subItems']), SLIM_ELEMENT_LEAVES),
        leads: !names.has('leads') && slimFits(namesAt(info, ['leadDepartments']), SLIM_DEPARTMENT_LEAVES),
        goals: slimFits(namesAt(info, ['serves', 'goal']), SLIM_ELEMENT_LEAVES),
      };
      const rows = await ctx.db.read<TaskRows>('tasks-filtered', {
        planId: plan,
        department: filter?.department ?? null,
        concept: filter?.concept ?? null,
        goalId,
        text: filter?.text ?? null,
        orderBy: orderBy ?? 'NUMBER',
        fetch,
        slim,
      });
      // An unknown plan or goal is an error, a known one with no (matching) task an empty list.
      await known(ctx, plan, rows);
      if (rows.length === 0 && goalId !== null && (await ctx.loaders.node.load(goalId)) === null) {
        throw new NotFoundError('filter.goalId', goalId);
      }
      // The children stay on their task (ahead.ts): its fields answer from them at once.
      const { loaders } = ctx;
      const prime = primed(ctx);
      return rows.map((r) => {
        const node = listOr(r.node, slimElement);
        const near = { id: node.id, isTask: true };
        if (r.subItems)
          keepAhead(
            node,
            'subItems',
            r.subItems.map((i) => prime(listOr(i, slimElement))),
          );
        if (r.leads)
          keepAhead(
            node,
            'leads',
            loaders.edgeRows(r.leads.map((l) => listOr(l, (v) => slimLead(node.id, v)))),
          );
        if (r.serves)
          keepAhead(
            node,
            'serves',
            loaders.edgeRows(r.serves.map((e) => listOr(e, (v) => slimServes(near, v)))),
          );
        if (r.concepts)
          keepAhead(
            node,
            'concepts',
            r.concepts.map((c) => prime(conceptRow(c))),
          );
        return node;
      });
    },
    task: async (_root, { planId, number }, ctx) => {
      const [row] = await ctx.db.read<{ node: ElementRow }>('task-by-number', {
        planId: checkPlanId('planId', planId),
        number,
      });
      if (row === undefined) {
        await planOrFail(ctx, planId);
        throw new NotFoundError('task', `${planId} #${number}`);
      }
      return row.node;
    },
    goals: async (_root, { planId }, ctx, info) => {
      const plan = checkPlanId('planId', planId);
      // Slim rows and edges come as lists of values (slim.ts).
      const rows = await ctx.db.read<{
        node: ElementRow | unknown[];
        servedBy: ({ row: DerivedRow; endpoint: ElementRow } | unknown[])[] | null;
      }>('goals-by-plan', {
        planId: plan,
        servedBy: namesAt(info, []).has('servedBy'),
        slim: {
          node: slimFits(namesAt(info, []), SLIM_ELEMENT_LEAVES),
          // A slim task has no sub-item count: the fuller row counts them in the same statement.
          tasks: slimFits(namesAt(info, ['servedBy', 'task']), [...SLIM_ELEMENT_LEAVES, 'subItemCount']),
        },
      });
      await known(ctx, plan, rows);
      return rows.map((r) => {
        const node = listOr(r.node, slimElement);
        const near = { id: node.id, isTask: false };
        if (r.servedBy) {
          keepAhead(
            node,
            'servedBy',
            ctx.loaders.edgeRows(r.servedBy.map((e) => listOr(e, (v) => slimServes(near, v)))),
          );
        }
        return node;
      });
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
    responsibilityConvention: (p) => {
      if (!p.responsibilityConventionJson) return null;
      const c = JSON.parse(p.responsibilityConventionJson) as {
        rule: 'FIRST_LEADS';
        span: Record<string, unknown>;
      };
      return { rule: c.rule, quote: String(c.span['quote']), source: span(c.span) };
    },
    sections: (p, _a, ctx) => ctx.loaders.sectionsByParent.load(p.id),
    principles: owned('Principle'),
    goals: owned('Goal'),
    tasks: owned('Task'),
    guarantees: owned('Guarantee'),
    steps: owned('Step'),
    appendices: (p) =>
      (JSON.parse(p.appendicesJson ?? '[]') as AppendixModel[]).map((a) => ({
        id: a.id,
        number: a.number,
        label: a.label,
        title: a.title,
        kind: a.kind,
        text: a.text,
        source: a.span,
        titleSource: a.titleSpan,
      })),
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
    servedBy: (e, { minScore }, ctx) =>
      atLeast(fetchedAhead<DerivedRow[]>(e, 'servedBy') ?? ctx.loaders.servesByGoal.load(e.id), minScore),
  },
  Task: {
    ...elementFields,
    subItems: (e, _a, ctx) =>
      fetchedAhead<ElementRow[]>(e, 'subItems') ?? ctx.loaders.subItemsByTask.load(e.id),
    subItemCount: (e, _a, ctx) => e.subItemCount ?? ctx.loaders.subItemCount.load(e.id),
    leads: (e, _a, ctx) => fetchedAhead<LeadRow[]>(e, 'leads') ?? ctx.loaders.leadsByTask.load(e.id),
    participants: (e, _a, ctx) => ctx.loaders.participationsByTask.load(e.id),
    columns: async (e, _a, ctx) =>
      (JSON.parse((await full(ctx, e)).columnsJson ?? '[]') as ColumnValueModel[]).map((c) => ({
        name: c.name,
        value: c.value,
        source: c.span,
      })),
    leadDepartments: (e, _a, ctx) => {
      const departments = (leads: readonly LeadRow[]) =>
        allOf(leads, (l) => endOf<DepartmentRow>(ctx, l, l.departmentId));
      const ahead = fetchedAhead<LeadRow[]>(e, 'leads');
      return ahead ? departments(ahead) : ctx.loaders.leadsByTask.load(e.id).then(departments);
    },
    serves: (e, { minScore }, ctx) =>
      atLeast(fetchedAhead<DerivedRow[]>(e, 'serves') ?? ctx.loaders.servesByTask.load(e.id), minScore),
    addresses: (e, { minScore }, ctx) => atLeast(ctx.loaders.addressesByElement.load(e.id), minScore),
  },
  SubItem: {
    ...elementFields,
    task: (e, _a, ctx) => own(ctx, e, 'parentId', (id) => required<ElementRow>(ctx, id!)),
  },
  Guarantee: {
    ...elementFields,
    addresses: (e, { minScore }, ctx) => atLeast(ctx.loaders.addressesByElement.load(e.id), minScore),
  },
  Step: {
    ...elementFields,
    // Short rows (lists) lack the period's span: the whole row is fetched when it is asked for.
    period: async (e, _a, ctx) => {
      const row = await full(ctx, e);
      if (row.periodQuote === undefined) return null;
      return { from: row.periodFrom ?? null, to: row.periodTo ?? null, source: span(row, 'period') };
    },
  },
};
