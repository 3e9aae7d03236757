/**
 * Coverage questions. Each field runs one aggregating Cypher statement (the counting happens in
 * Neo4j); the ids it returns resolve through the per-request loaders.
 */
import type { Resolvers } from '../../generated/graphql.ts';
import type { ConceptRow, ElementRow, ProblemRow } from '../../graph/rows.ts';
import { planCounts, plansCounts } from '../../graph/counts.ts';
import type {
  ConceptReachRow,
  CoverageParent,
  DepartmentLoadRow,
  GoalCoverageRow,
  IdPage,
  ProblemCoverageRow,
  SharedTaskRow,
} from '../coverage/types.ts';
import { checkFirst, checkOffset, checkPlanId } from './args.ts';
import { atLeast, checkMinScore } from './scores.ts';
import { known, optionalPlan, planOrFail, SLIM_ELEMENT_LEAVES, slimFits } from './shared.ts';
import { listOr, slimElement } from './slim.ts';
import { BadInputError } from '../errors.ts';
import type { Context } from '../context.ts';
import { childArguments, childFields, namesAt, selects } from '../lookahead.ts';
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';

const nodes = <T>(rows: { node: T }[]) => rows.map((r) => r.node);

/** Fields of a goal that a slim row (shared.ts) leaves out, its text and spans included. */
const WHOLE_GOAL_FIELDS = [...SLIM_ELEMENT_LEAVES, 'text', 'source', 'titleSource'];

/**
 * The page of each id list of a coverage row the query selects, for its statement to cut the lists
 * in Neo4j (look-ahead): a list not selected is an empty page; one selected twice with different
 * pages (aliases) is null, every id, which the field then pages itself.
 */
function idPages(
  info: GraphQLResolveInfo,
  typeName: string,
  fields: string[],
): Record<string, IdPage | null> {
  const type = info.schema.getType(typeName) as GraphQLObjectType;
  const pages: Record<string, IdPage | null> = {};
  for (const field of fields) {
    if (!selects(info, field)) pages[field] = { offset: 0, first: 0 };
    else {
      const args = childArguments(info, type, field);
      pages[field] = args === null ? null : pageOf(args as { first?: number | null; offset?: number | null });
    }
  }
  return pages;
}

/** One page of a row's list, which starts at the offset its statement cut it from. */
const slice = <T>(
  items: readonly T[],
  page: { first?: number | null; offset?: number | null },
  fetched: IdPage | null | undefined,
) => {
  const { offset, first } = pageOf(page);
  const from = offset - (fetched?.offset ?? 0);
  return items.slice(from, from + first);
};

/** The fields that answer a list of rows and check the plan when the list is empty (`known`). */
const LISTS = new Set([
  'goals',
  'tasksServingNoGoal',
  'departments',
  'sharedTasks',
  'concepts',
  'conceptsMentionedOnce',
  'elementsWithoutConcept',
  'problems',
  'unaddressedProblems',
]);

/** A set of plans is a library's worth at most: as many ids as a page of a thousand plans. */
const MAX_PLAN_IDS = 1_000;

/**
 * The plans of `coverage(planIds:)`, each checked for shape and existence (one batched look-up):
 * duplicates once, in the order given; an empty set or an unknown id is refused, naming it.
 */
async function knownPlans(ctx: Context, planIds: readonly string[]): Promise<string[]> {
  if (planIds.length === 0 || planIds.length > MAX_PLAN_IDS)
    throw new BadInputError('planIds', `1 to ${MAX_PLAN_IDS} plan ids`, `${planIds.length} ids`);
  const ids = [...new Set(planIds.map((id) => checkPlanId('planIds', id)!))];
  await Promise.all(ids.map((id) => planOrFail(ctx, id, 'planIds')));
  return ids;
}

/** The plans a coverage statement is limited to: the set, the one plan, or null for every plan. */
const plansOf = (parent: CoverageParent): readonly string[] | null =>
  parent.planIds ?? (parent.planId === null ? null : [parent.planId]);

/** Lists of elements grow with the plan: each is asked for one page (default 100, at most 500). */
const pageOf = (page: { first?: number | null; offset?: number | null }) => {
  return { offset: checkOffset(page.offset), first: checkFirst(page.first, 100) };
};

/**
 * Both rankings of goals, 1 = thinnest: by task count (the order the statement returns) and by
 * total score. They disagree when a goal is served by many weak edges, which a reader of one
 * number alone would miss.
 */
function ranked<T extends GoalCoverageRow>(rows: T[]): (T & { rankByCount: number; rankByScore: number })[] {
  const byScore = [...rows].sort((x, y) => x.totalScore - y.totalScore || x.taskCount - y.taskCount);
  // Set on the rows themselves: they were decoded for this request alone.
  const out = rows as (T & { rankByCount: number; rankByScore: number })[];
  out.forEach((row, i) => (row.rankByCount = i + 1));
  (byScore as typeof out).forEach((row, i) => (row.rankByScore = i + 1));
  return out;
}

export const coverageResolvers: Resolvers = {
  Query: {
    // Not async: the common question (one plan, listing fields only) answers a plain value, which
    // the executor (graphql-jit) goes on with at once, where a promise costs a tick per level.
    coverage: (_root, { planId, planIds }, ctx, info) => {
      if (planIds !== null && planIds !== undefined) {
        if (planId !== null && planId !== undefined)
          throw new BadInputError('planIds', 'either planId or planIds, not both', { planId, planIds });
        return knownPlans(ctx, planIds).then((ids) => ({ planId: null, planIds: ids }));
      }
      if (planId === null || planId === undefined) return { planId: null };
      // The listing fields check the plan themselves, and only when their answer is empty (an
      // unknown plan has no rows): a common coverage question then costs one statement, not two.
      // Any other selection (counts, __typename) checks it first.
      if (childFields(info).every((f) => LISTS.has(f.name.value)))
        return { planId: checkPlanId('planId', planId) };
      return optionalPlan(ctx, planId).then((id) => ({ planId: id }));
    },
  },
  Coverage: {
    goals: async (parent, { minScore }, ctx, info) => {
      const threshold = checkMinScore(minScore);
      const rows = await ctx.db.read<{ goal: ElementRow | unknown[]; taskCount: number; totalScore: number }>(
        'coverage-goals',
        {
          planIds: plansOf(parent),
          minScore: threshold,
          // A slim goal (shared.ts) when the query reads nothing it leaves out: a goal's id and
          // title move over Bolt, as a list of values (slim.ts), not its text, quote and spans; a
          // query that reads those gets the whole node in the same statement, as before.
          slim: slimFits(namesAt(info, ['goal']), WHOLE_GOAL_FIELDS),
        },
      );
      // The rows the driver decoded for this request: made into coverage rows in place.
      const coverage = rows as unknown as (GoalCoverageRow & { goal: ElementRow; minScore: number })[];
      for (const row of coverage) {
        row.goal = listOr(row.goal, slimElement);
        row.minScore = threshold;
      }
      return ranked(coverage.length === 0 ? await known(ctx, parent.planId, coverage) : coverage);
    },
    tasksServingNoGoal: async (parent, { minScore, ...page }, ctx) =>
      nodes(
        await known(
          ctx,
          parent.planId,
          await ctx.db.read<{ node: ElementRow }>('coverage-tasks-serving-none', {
            planIds: plansOf(parent),
            minScore: checkMinScore(minScore),
            ...pageOf(page),
          }),
        ),
      ),
    departments: async (parent, _a, ctx, info) => {
      const pages = idPages(info, 'DepartmentLoad', ['tasks', 'goals']);
      const rows = await ctx.db.read<DepartmentLoadRow & Record<string, unknown>>('coverage-departments', {
        planIds: plansOf(parent),
        pages,
      });
      return (await known(ctx, parent.planId, rows)).map((row) => ({ ...row, pages }));
    },
    sharedTasks: async (parent, page, ctx) =>
      known(
        ctx,
        parent.planId,
        await ctx.db.read<SharedTaskRow & Record<string, unknown>>('coverage-shared-tasks', {
          planIds: plansOf(parent),
          ...pageOf(page),
        }),
      ),
    concepts: async (parent, _a, ctx, info) => {
      const pages = idPages(info, 'ConceptReach', ['elementIds', 'tasks', 'goals']);
      const rows = await ctx.db.read<ConceptReachRow & Record<string, unknown>>('coverage-concepts', {
        planIds: plansOf(parent),
        pages: { elements: pages['elementIds'], tasks: pages['tasks'], goals: pages['goals'] },
      });
      return (await known(ctx, parent.planId, rows)).map((row) => ({ ...row, pages }));
    },
    conceptsMentionedOnce: async (parent, page, ctx) =>
      nodes(
        await known(
          ctx,
          parent.planId,
          await ctx.db.read<{ node: ConceptRow }>('coverage-concepts-once', {
            planIds: plansOf(parent),
            ...pageOf(page),
          }),
        ),
      ),
    elementsWithoutConcept: async (parent, page, ctx) =>
      nodes(
        await known(
          ctx,
          parent.planId,
          await ctx.db.read<{ node: ElementRow }>('coverage-elements-without-concept', {
            planIds: plansOf(parent),
            ...pageOf(page),
          }),
        ),
      ),
    problems: async (parent, _a, ctx) =>
      known(
        ctx,
        parent.planId,
        await ctx.db.read<ProblemCoverageRow & Record<string, unknown>>('coverage-problems', {
          planIds: plansOf(parent),
        }),
      ),
    unaddressedProblems: async (parent, page, ctx) =>
      nodes(
        await known(
          ctx,
          parent.planId,
          await ctx.db.read<{ node: ProblemRow }>('coverage-unaddressed-problems', {
            planIds: plansOf(parent),
            ...pageOf(page),
          }),
        ),
      ),
    counts: async ({ planId, planIds }, _a, ctx) => {
      if (planId !== null) return planCounts(ctx.db, planId);
      if (planIds !== null && planIds !== undefined) return plansCounts(ctx.db, planIds);
      const [labels, types] = await Promise.all([
        ctx.db.read<{ label: string; count: number }>('count-all-labels'),
        ctx.db.read<{ type: string; count: number }>('count-all-relationships'),
      ]);
      return { nodes: labels, relationships: types.map((t) => ({ label: t.type, count: t.count })) };
    },
  },
  GoalCoverage: {
    minScore: (row) => row.minScore ?? 0,
    rankByCount: (row) => row.rankByCount ?? 0,
    rankByScore: (row) => row.rankByScore ?? 0,
    servedBy: (row, { minScore }, ctx) =>
      atLeast(ctx.loaders.servesByGoal.load(row.goal.id), minScore ?? row.minScore),
  },
  DepartmentLoad: {
    tasks: (row, page) => slice(row.tasks, page, row.pages?.['tasks']),
    goals: (row, page) => slice(row.goals, page, row.pages?.['goals']),
    sharesTasksWith: (row) => [...row.sharesWith],
  },
  SharedTask: {
    departments: (row) => [...row.departments],
  },
  ConceptReach: {
    elementIds: (row, page) => slice(row.elementIds, page, row.pages?.['elementIds']),
    tasks: (row, page) => slice(row.tasks, page, row.pages?.['tasks']),
    goals: (row, page) => slice(row.goals, page, row.pages?.['goals']),
  },
  ProblemCoverage: {
    addressedBy: (row, { minScore }, ctx) =>
      atLeast(ctx.loaders.addressesByProblem.load(row.problem.id), minScore),
  },
};
