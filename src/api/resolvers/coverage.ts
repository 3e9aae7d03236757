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
  ProblemCoverageRow,
  SharedTaskRow,
} from '../coverage/types.ts';
import { BadInputError } from '../errors.ts';
import { checkFirst } from './args.ts';
import { atLeast, checkMinScore } from './scores.ts';
import { optionalPlan } from './shared.ts';

const nodes = <T>(rows: { node: T }[]) => rows.map((r) => r.node);

/** Lists of elements grow with the plan: each is asked for one page (default 100, at most 500). */
const pageOf = (page: { first?: number | null; offset?: number | null }) => {
  const offset = page.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) throw new BadInputError('offset', 'a position from 0', offset);
  return { offset, first: checkFirst(page.first, 100) };
};

export const coverageResolvers: Resolvers = {
  Query: {
    coverage: async (_root, { planId }, ctx) => ({ planId: await optionalPlan(ctx, planId) }),
  },
  Coverage: {
    goals: async ({ planId }, { minScore }, ctx) => {
      const threshold = checkMinScore(minScore);
      const rows = await ctx.db.read<GoalCoverageRow & Record<string, unknown>>('coverage-goals', {
        planId,
        minScore: threshold,
      });
      return rows.map((row) => ({ ...row, minScore: threshold }));
    },
    tasksServingNoGoal: async ({ planId }, { minScore, ...page }, ctx) =>
      nodes(
        await ctx.db.read<{ node: ElementRow }>('coverage-tasks-serving-none', {
          planId,
          minScore: checkMinScore(minScore),
          ...pageOf(page),
        }),
      ),
    departments: ({ planId }, _a, ctx) =>
      ctx.db.read<DepartmentLoadRow & Record<string, unknown>>('coverage-departments', { planId }),
    sharedTasks: ({ planId }, page, ctx) =>
      ctx.db.read<SharedTaskRow & Record<string, unknown>>('coverage-shared-tasks', {
        planId,
        ...pageOf(page),
      }),
    concepts: ({ planId }, _a, ctx) =>
      ctx.db.read<ConceptReachRow & Record<string, unknown>>('coverage-concepts', { planId }),
    conceptsMentionedOnce: async ({ planId }, page, ctx) =>
      nodes(await ctx.db.read<{ node: ConceptRow }>('coverage-concepts-once', { planId, ...pageOf(page) })),
    elementsWithoutConcept: async ({ planId }, page, ctx) =>
      nodes(
        await ctx.db.read<{ node: ElementRow }>('coverage-elements-without-concept', {
          planId,
          ...pageOf(page),
        }),
      ),
    problems: ({ planId }, _a, ctx) =>
      ctx.db.read<ProblemCoverageRow & Record<string, unknown>>('coverage-problems', { planId }),
    unaddressedProblems: async ({ planId }, page, ctx) =>
      nodes(
        await ctx.db.read<{ node: ProblemRow }>('coverage-unaddressed-problems', { planId, ...pageOf(page) }),
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
    servedBy: (row, { minScore }, ctx) =>
      atLeast(ctx.loaders.servesByGoal.load(row.goal.id), minScore ?? row.minScore),
  },
  DepartmentLoad: {
    tasks: (row) => [...row.tasks],
    goals: (row) => [...row.goals],
    sharesTasksWith: (row) => [...row.sharesWith],
  },
  SharedTask: {
    departments: (row) => [...row.departments],
  },
  ConceptReach: {
    elementIds: (row) => [...row.elementIds],
    tasks: (row) => [...row.tasks],
    goals: (row) => [...row.goals],
  },
  ProblemCoverage: {
    addressedBy: (row, { minScore }, ctx) =>
      atLeast(ctx.loaders.addressesByProblem.load(row.problem.id), minScore),
  },
};
