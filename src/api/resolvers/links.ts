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
import {
  SLIM_DEPARTMENT_LEAVES,
  SLIM_ELEMENT_LEAVES,
  details,
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
      const rows = await ctx.db.read<{
        node: DepartmentRow;
        leads: { row: LeadRow; endpoint: ElementRow }[] | null;
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
      for (const { node, leads } of rows) {
        if (leads) {
          ctx.loaders.leadsByDepartment.prime(
            { id: node.id, planId: leadsPlanId },
            ctx.loaders.edgeRows(leads),
          );
        }
      }
      return rows.map((r) => r.node);
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
    leads: async (d, { planId }, ctx) =>
      known(
        ctx,
        planId,
        await ctx.loaders.leadsByDepartment.load({ id: d.id, planId: checkPlanId('planId', planId) }),
      ),
    tasks: async (d, { planId }, ctx: Context) => {
      const leads = await ctx.loaders.leadsByDepartment.load({
        id: d.id,
        planId: checkPlanId('planId', planId),
      });
      await known(ctx, planId, leads);
      return Promise.all(leads.map((l) => required<ElementRow>(ctx, l.taskId)));
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
    department: (l, _a, ctx) => required<DepartmentRow>(ctx, l.departmentId),
    task: (l, _a, ctx) => required<ElementRow>(ctx, l.taskId),
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
    task: (s, _a, ctx) => required<ElementRow>(ctx, s.fromId),
    goal: (s, _a, ctx) => required<ElementRow>(ctx, s.toId),
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
