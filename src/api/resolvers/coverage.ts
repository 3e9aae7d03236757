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
import { atLeast, checkMinScore } from './scores.ts';
import { optionalPlan } from './shared.ts';

const nodes = <T>(rows: { node: T }[]) => rows.map((r) => r.node);

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
    tasksServingNoGoal: async ({ planId }, { minScore }, ctx) =>
      nodes(
        await ctx.db.read<{ node: ElementRow }>('coverage-tasks-serving-none', {
          planId,
          minScore: checkMinScore(minScore),
        }),
      ),
    departments: ({ planId }, _a, ctx) =>
      ctx.db.read<DepartmentLoadRow & Record<string, unknown>>('coverage-departments', { planId }),
    sharedTasks: ({ planId }, _a, ctx) =>
      ctx.db.read<SharedTaskRow & Record<string, unknown>>('coverage-shared-tasks', { planId }),
    concepts: ({ planId }, _a, ctx) =>
      ctx.db.read<ConceptReachRow & Record<string, unknown>>('coverage-concepts', { planId }),
    conceptsMentionedOnce: async ({ planId }, _a, ctx) =>
      nodes(await ctx.db.read<{ node: ConceptRow }>('coverage-concepts-once', { planId })),
    elementsWithoutConcept: async ({ planId }, _a, ctx) =>
      nodes(await ctx.db.read<{ node: ElementRow }>('coverage-elements-without-concept', { planId })),
    problems: ({ planId }, _a, ctx) =>
      ctx.db.read<ProblemCoverageRow & Record<string, unknown>>('coverage-problems', { planId }),
    unaddressedProblems: async ({ planId }, _a, ctx) =>
      nodes(await ctx.db.read<{ node: ProblemRow }>('coverage-unaddressed-problems', { planId })),
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
