/** Departments, concepts, problems and the edges between elements (leads, mentions, serves, addresses). */
import type { GraphQLObjectType } from 'graphql';
import type { Resolvers } from '../../generated/graphql.ts';
import type {
  ConceptRow,
  DepartmentRow,
  DerivedRow,
  ElementRow,
  LeadRow,
  PlanRow,
  ProblemRow,
} from '../../graph/rows.ts';
import type { Context } from '../context.ts';
import { BadInputError } from '../errors.ts';
import type { EvidenceModel } from '../../ingest/model.ts';
import { checkFirst, checkPlanId, connection, offsetAfter } from './args.ts';
import { childArguments, namesAt } from '../lookahead.ts';
import { atLeast } from './scores.ts';
import { allOf, fetchedAhead, keepAhead } from '../ahead.ts';
import { listOr, slimDepartment, slimLeadOf } from './slim.ts';
import {
  SLIM_DEPARTMENT_LEAVES,
  SLIM_ELEMENT_LEAVES,
  details,
  endOf,
  full,
  known,
  optionalPlan,
  own,
  required,
  slimFits,
  span,
  wholeLead,
} from './shared.ts';

const basis = (row: DerivedRow) => row.basis.toUpperCase() as 'PHRASE' | 'CONCEPT' | 'MENTION' | 'CURATED';
const evidence = async (row: DerivedRow, ctx: Context): Promise<EvidenceModel[]> =>
  JSON.parse((await details(ctx, row)).evidenceJson);

/**
 * A department's lead edges to tasks of `planId` (all plans when null): kept on the row when the
 * departments' statement fetched them for that plan (ahead.ts), else loaded.
 */
function leadsOf(
  ctx: Context,
  d: DepartmentRow,
  planId: string | null | undefined,
): readonly LeadRow[] | Promise<LeadRow[]> {
  const plan = checkPlanId('planId', planId);
  const ahead = fetchedAhead<{ planId: string | null; leads: LeadRow[] }>(d, 'leads');
  if (ahead !== undefined && ahead.planId === plan) return ahead.leads;
  return ctx.loaders.leadsByDepartment.load({ id: d.id, planId: plan });
}

export const linkResolvers: Resolvers = {
  Query: {
    departments: async (_root, { planId, scope, orderBy, first }, ctx, info) => {
      // Look-ahead: the lead edges (and their tasks) of `tasks`/`leads` come in the same statement,
      // for the plan those fields ask about.
      const type = info.schema.getType('Department') as GraphQLObjectType;
      const ahead = childArguments(info, type, 'tasks') ?? childArguments(info, type, 'leads');
      const leadsPlanId = ahead ? checkPlanId('planId', ahead['planId'] as string | null | undefined) : null;
      const tasks = namesAt(info, ['tasks']);
      // Slim rows (shared.ts) where the query reads nothing they leave out.
      const slim = {
        node: slimFits(namesAt(info, []), SLIM_DEPARTMENT_LEAVES),
        leads: !namesAt(info, []).has('leads'),
        tasks:
          slimFits(tasks, SLIM_ELEMENT_LEAVES) &&
          slimFits(namesAt(info, ['leads', 'task']), SLIM_ELEMENT_LEAVES),
      };
      // Slim rows and edges come as lists of values (slim.ts).
      const rows = await ctx.db.read<{
        node: DepartmentRow | unknown[];
        leads: ({ row: LeadRow; endpoint: ElementRow } | unknown[])[] | null;
      }>('departments-filtered', {
        planId: checkPlanId('planId', planId),
        scope: scope ?? null,
        orderBy: orderBy ?? 'NAME',
        first: first === null || first === undefined ? null : checkFirst(first),
        leads: ahead !== null,
        leadsPlanId,
        slim,
      });
      // An unknown plan is an error, checked only when the answer is empty (no extra statement).
      await known(ctx, planId, rows);
      // The lead edges stay on their department (ahead.ts), for `tasks`/`leads` of this plan.
      return rows.map((r) => {
        const node = listOr(r.node, slimDepartment);
        if (r.leads) {
          const leads = r.leads.map((l) => listOr(l, (v) => slimLeadOf(node.id, v)));
          keepAhead(node, 'leads', { planId: leadsPlanId, leads: ctx.loaders.edgeRows(leads) });
        }
        return node;
      });
    },
    concepts: async (_root, { planId, filter, orderBy, first, after }, ctx) => {
      const size = checkFirst(first);
      const offset = offsetAfter(after);
      if (planId && filter?.planId && planId !== filter.planId) {
        throw new BadInputError(
          'planId',
          `the same plan as filter.planId (${filter.planId}) or no planId`,
          planId,
        );
      }
      const [page] = await ctx.db.read<{ total: number; nodes: ConceptRow[] }>('concepts-page', {
        planId: planId
          ? await optionalPlan(ctx, planId, 'planId')
          : await optionalPlan(ctx, filter?.planId, 'filter.planId'),
        kind: filter?.kind ?? null,
        text: filter?.text ?? null,
        inGlossary: filter?.inGlossary ?? null,
        orderBy: orderBy ?? 'NAME',
        offset,
        first: size,
      });
      for (const row of page?.nodes ?? []) ctx.loaders.node.prime(row.id, row);
      return connection(page?.nodes ?? [], page?.total ?? 0, offset);
    },
  },
  Department: {
    scope: (d, _a, ctx) => own(ctx, d, 'scope', (scope) => scope ?? null),
    aliases: (d, _a, ctx) => own(ctx, d, 'aliases', (aliases) => [...(aliases ?? [])]),
    fullName: (d, _a, ctx) => own(ctx, d, 'fullName', (name) => name),
    fullNameSource: (d, _a, ctx) => own(ctx, d, 'fullNameSource', (source) => source),
    leads: async (d, { planId }, ctx) => known(ctx, planId, await leadsOf(ctx, d, planId)),
    tasks: (d, { planId }, ctx: Context) => {
      const tasks = (leads: readonly LeadRow[]) => allOf(leads, (l) => endOf<ElementRow>(ctx, l, l.taskId));
      const leads = leadsOf(ctx, d, planId);
      // Rows at hand (and some: an empty list may mean an unknown plan, which `known` checks).
      if (!(leads instanceof Promise) && leads.length > 0) return tasks(leads);
      return Promise.resolve(leads).then(async (rows) => tasks(await known(ctx, planId, rows)));
    },
    participatesIn: async (d, { planId }, ctx) =>
      known(
        ctx,
        planId,
        await ctx.loaders.participationsByDepartment.load({
          id: d.id,
          planId: checkPlanId('planId', planId),
        }),
      ),
  },
  Lead: {
    department: (l, _a, ctx) => endOf<DepartmentRow>(ctx, l, l.departmentId),
    task: (l, _a, ctx) => endOf<ElementRow>(ctx, l, l.taskId),
    source: (l, _a, ctx) => wholeLead(ctx, l, (whole) => span(whole)),
    // The quote is the name as written too: edges loaded before `name` was recorded answer with it.
    name: (l, _a, ctx) => wholeLead(ctx, l, (whole) => whole.name ?? whole.quote),
  },
  Participation: {
    department: (l, _a, ctx) => required<DepartmentRow>(ctx, l.departmentId),
    task: (l, _a, ctx) => required<ElementRow>(ctx, l.taskId),
    source: (l) => span(l),
    name: (l) => l.name ?? l.quote,
  },
  Concept: {
    aliases: async (c, _a, ctx) => [...((await full(ctx, c)).aliases ?? [])],
    gloss: async (c, _a, ctx) => (await full(ctx, c)).gloss,
    definition: async (c, _a, ctx) => (await full(ctx, c)).definition,
    definitionSource: async (c, _a, ctx) => (await full(ctx, c)).definitionSource,
    mentionedIn: async (c, { planId, first, after }, ctx) => {
      const size = checkFirst(first);
      const offset = offsetAfter(after);
      const page = await ctx.loaders.mentionsByConcept.load({
        id: c.id,
        planId: checkPlanId('planId', planId),
        offset,
        first: size,
      });
      await known(ctx, planId, page.rows);
      return connection(page.rows, page.total, offset);
    },
  },
  Mention: {
    element: (m, _a, ctx) => required(ctx, m.elementId),
    concept: (m, _a, ctx) => required<ConceptRow>(ctx, m.conceptId),
    source: (m) => span(m),
  },
  Problem: {
    plan: (p, _a, ctx) => required<PlanRow>(ctx, p.planId),
    source: (p) => span(p),
    statedIn: (p, _a, ctx) => required<ElementRow>(ctx, p.statedInId),
    addressedBy: (p, { minScore }, ctx) => atLeast(ctx.loaders.addressesByProblem.load(p.id), minScore),
  },
  Serves: {
    task: (s, _a, ctx) => endOf<ElementRow>(ctx, s, s.fromId),
    goal: (s, _a, ctx) => endOf<ElementRow>(ctx, s, s.toId),
    basis,
    rationale: async (s, _a, ctx) => (await details(ctx, s)).rationale,
    evidence: async (s, _a, ctx) =>
      (await evidence(s, ctx)).map((e) => ({ phrase: e.phrase, taskQuote: e.fromSpan, goalQuote: e.toSpan })),
  },
  Addresses: {
    element: (a, _a, ctx) => required<ElementRow>(ctx, a.fromId),
    problem: (a, _a, ctx) => required<ProblemRow>(ctx, a.toId),
    basis,
    rationale: async (a, _a, ctx) => (await details(ctx, a)).rationale,
    evidence: async (a, _a, ctx) =>
      (await evidence(a, ctx)).map((e) => ({
        phrase: e.phrase,
        elementQuote: e.fromSpan,
        problemQuote: e.toSpan,
      })),
  },
};
