/**
 * Coverage questions. Each field runs one aggregating Cypher statement (the counting happens in
 * Neo4j); the ids it returns resolve through the per-request loaders.
 */
import type { Resolvers } from '../../generated/graphql.ts';
import type { ConceptRow, ElementRow, ProblemRow } from '../../graph/rows.ts';
import { planCounts } from '../../graph/counts.ts';
import type {
  ConceptReachRow,
  DepartmentLoadRow,
  GoalCoverageRow,
  IdPage,
  ProblemCoverageRow,
  SharedTaskRow,
} from '../coverage/types.ts';
import { checkFirst, checkOffset, checkPlanId } from './args.ts';
import { atLeast, checkMinScore } from './scores.ts';
import { known, optionalPlan } from './shared.ts';
import { childArguments, childFields, selects } from '../lookahead.ts';
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';

const nodes = <T>(rows: { node: T }[]) => rows.map((r) => r.node);

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

/** Lists of elements grow with the plan: each is asked for one page (default 100, at most 500). */
const pageOf = (page: { first?: number | null; offset?: number | null }) => {
  return { offset: checkOffset(page.offset), first: checkFirst(page.first, 100) };
};

/**
 * Both rankings of goals, 1 = thinnest: by task count (the order the statement returns) and by
 * total score. They disagree when a goal is served by many weak edges, which a reader of one
 * number alone would miss.
 */
function ranked<T extends GoalCoverageRow>(
  rows: readonly T[],
): (T & { rankByCount: number; rankByScore: number })[] {
  const byScore = [...rows].sort((x, y) => x.totalScore - y.totalScore || x.taskCount - y.taskCount);
  return rows.map((row, i) => ({ ...row, rankByCount: i + 1, rankByScore: byScore.indexOf(row) + 1 }));
}

export const coverageResolvers: Resolvers = {
  Query: {
    coverage: async (_root, { planId }, ctx, info) => {
      if (planId === null || planId === undefined) return { planId: null };
      // The listing fields check the plan themselves, and only when their answer is empty (an
      // unknown plan has no rows): a common coverage question then costs one statement, not two.
      // Any other selection (counts, __typename) checks it first.
      if (childFields(info).every((f) => LISTS.has(f.name.value)))
        return { planId: checkPlanId('planId', planId) };
      return { planId: await optionalPlan(ctx, planId) };
    },
  },
  Coverage: {
    goals: async ({ planId }, { minScore }, ctx) => {
      const threshold = checkMinScore(minScore);
      const rows = await ctx.db.read<GoalCoverageRow & Record<string, unknown>>('coverage-goals', {
        planId,
        minScore: threshold,
      });
      return ranked(await known(ctx, planId, rows)).map((row) => ({ ...row, minScore: threshold }));
    },
    tasksServingNoGoal: async ({ planId }, { minScore, ...page }, ctx) =>
      nodes(
        await known(
          ctx,
          planId,
          await ctx.db.read<{ node: ElementRow }>('coverage-tasks-serving-none', {
            planId,
            minScore: checkMinScore(minScore),
            ...pageOf(page),
          }),
        ),
      ),
    departments: async ({ planId }, _a, ctx, info) => {
      const pages = idPages(info, 'DepartmentLoad', ['tasks', 'goals']);
      const rows = await ctx.db.read<DepartmentLoadRow & Record<string, unknown>>('coverage-departments', {
        planId,
        pages,
      });
      return (await known(ctx, planId, rows)).map((row) => ({ ...row, pages }));
    },
    sharedTasks: async ({ planId }, page, ctx) =>
      known(
        ctx,
        planId,
        await ctx.db.read<SharedTaskRow & Record<string, unknown>>('coverage-shared-tasks', {
          planId,
          ...pageOf(page),
        }),
      ),
    concepts: async ({ planId }, _a, ctx, info) => {
      const pages = idPages(info, 'ConceptReach', ['elementIds', 'tasks', 'goals']);
      const rows = await ctx.db.read<ConceptReachRow & Record<string, unknown>>('coverage-concepts', {
        planId,
        pages: { elements: pages['elementIds'], tasks: pages['tasks'], goals: pages['goals'] },
      });
      return (await known(ctx, planId, rows)).map((row) => ({ ...row, pages }));
    },
    conceptsMentionedOnce: async ({ planId }, page, ctx) =>
      nodes(
        await known(
          ctx,
          planId,
          await ctx.db.read<{ node: ConceptRow }>('coverage-concepts-once', { planId, ...pageOf(page) }),
        ),
      ),
    elementsWithoutConcept: async ({ planId }, page, ctx) =>
      nodes(
        await known(
          ctx,
          planId,
          await ctx.db.read<{ node: ElementRow }>('coverage-elements-without-concept', {
            planId,
            ...pageOf(page),
          }),
        ),
      ),
    problems: async ({ planId }, _a, ctx) =>
      known(
        ctx,
        planId,
        await ctx.db.read<ProblemCoverageRow & Record<string, unknown>>('coverage-problems', { planId }),
      ),
    unaddressedProblems: async ({ planId }, page, ctx) =>
      nodes(
        await known(
          ctx,
          planId,
          await ctx.db.read<{ node: ProblemRow }>('coverage-unaddressed-problems', {
            planId,
            ...pageOf(page),
          }),
        ),
      ),
    counts: async ({ planId }, _a, ctx) => {
      if (planId !== null) return planCounts(ctx.db, planId);
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
