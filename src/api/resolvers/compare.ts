/**
 * Several plans: compare(a, b), where concepts and departments appear ("in which plans, since
 * when"), and what a plan's coverage rests on (reviewed links or derived evidence alone).
 *
 * compare reads each side in one statement (tasks with their sub-items' text, concepts, leads) and
 * aligns the tasks with the same code the loader uses for SAME_AS / CONTINUES
 * (src/ingest/semantics/align.ts), so the API and the graph agree at the default threshold.
 */
import type { Resolvers } from '../../generated/graphql.ts';
import type { Context } from '../context.ts';
import type { PlanRow } from '../../graph/rows.ts';
import { readLoginOf } from '../../db/logins.ts';
import { DEFAULT_THRESHOLD } from '../../ingest/semantics/align.ts';
import { compareOffLoop } from '../compare/align-pool.ts';
import type { Side } from '../compare/compare-task.ts';
import { CompareMemo } from '../compare/memo.ts';
import { BadInputError, NotFoundError } from '../errors.ts';
import { checkPlanId } from './args.ts';

interface Presence {
  id: string;
  plan: PlanRow;
  year: number | null;
  count: number;
}

/** One side read on the main thread: when no login is known for a worker to read with (logins.ts). */
async function side(ctx: Context, planId: string): Promise<Side> {
  const [row] = await ctx.db.read<Side & Record<string, unknown>>('compare-side', { planId });
  if (!row) throw new NotFoundError('plan', planId);
  return row;
}

/**
 * Answers of compare per graph version: a repeated compare neither reads nor aligns again. Two at
 * most: an answer of a 2,000-task plan holds megabytes (every pair’s diff), and the response
 * cache already answers the same document again; what is kept here serves the same compare asked
 * with another selection (the explorer's compare view and its pages).
 */
const answers = new CompareMemo<unknown>(2);

async function graphVersion(ctx: Context): Promise<string | null> {
  const [row] = await ctx.db.read<{ version: string | null }>('graph-version');
  return row?.version ?? null;
}

const upper = (basis: string) => basis.toUpperCase() as 'PHRASE' | 'CONCEPT' | 'MENTION' | 'CURATED';

/** Plan rows carry the properties the loader wrote; these were added with several plans. */
type PlanExtras = {
  reviewedLinks?: number;
  reviewedLinksFile?: string | null;
  reviewedLinksMatchedBy?: string | null;
  year?: number | null;
  loadedAt?: string | null;
};

export const compareResolvers: Resolvers = {
  Query: {
    compare: async (_root, args, ctx) => {
      const a = checkPlanId('a', args.a)!;
      const b = checkPlanId('b', args.b)!;
      const threshold = args.threshold ?? DEFAULT_THRESHOLD;
      if (!(threshold > 0 && threshold <= 1))
        throw new BadInputError('threshold', 'a number above 0 and at most 1', threshold);
      const key = CompareMemo.key(a, b, threshold);
      const kept = answers.get(await graphVersion(ctx), key);
      if (kept !== undefined) return kept as never;
      // Read, decoded and aligned in a worker thread, stopped by the request's deadline
      // (compare/align-pool.ts, compare-task.ts): the main thread receives the answer only.
      const login = readLoginOf(ctx.db);
      const { answer, versions } = await compareOffLoop(
        login !== null
          ? { a, b, threshold, login }
          : { a, b, threshold, sides: await Promise.all([side(ctx, a), side(ctx, b)]) },
      );
      // Kept only when both sides were read at one version (no load committed between the reads).
      if (versions[0] === versions[1]) answers.set(versions[0], key, answer);
      return answer as never;
    },
  },
  Plan: {
    reviewedLinks: (plan) => (plan as PlanRow & PlanExtras).reviewedLinks ?? 0,
    reviewedLinksSource: (plan) => {
      const p = plan as PlanRow & PlanExtras;
      return p.reviewedLinksFile && p.reviewedLinksMatchedBy
        ? { file: p.reviewedLinksFile, matchedBy: p.reviewedLinksMatchedBy.toUpperCase() }
        : null;
    },
    year: (plan) => (plan as PlanRow & PlanExtras).year ?? null,
    loadedAt: (plan) => (plan as PlanRow & PlanExtras).loadedAt ?? null,
  },
  Coverage: {
    basis: async ({ planId }, _a, ctx) => {
      const [row] = await ctx.db.read<{
        plans: { id: string; reviewedLinks: number }[];
        servesByBasis: { basis: string; count: number }[];
      }>('coverage-basis', { planId });
      const plans = row?.plans ?? [];
      const reviewedLinks = plans.reduce((n, p) => n + p.reviewedLinks, 0);
      const without = plans.filter((p) => p.reviewedLinks === 0).map((p) => p.id);
      const statement =
        without.length === 0
          ? `Derived edges with ${reviewedLinks} reviewed links (seeds/links/) for ${plans.map((p) => p.id).join(', ') || 'no plan'}.`
          : `No reviewed links for ${without.join(', ')}: SERVES and ADDRESSES there rest on shared phrases and concepts alone, ` +
            'which miss links a reader finds obvious; read the numbers as the text’s wording, not as facts.';
      return {
        reviewedLinks,
        plansWithoutReviewedLinks: without,
        servesByBasis: (row?.servesByBasis ?? []).map((s) => ({ basis: upper(s.basis), count: s.count })),
        statement,
      };
    },
  },
  Concept: {
    plans: (concept, _a, ctx) => presence(ctx, 'presence-by-concepts', concept.id),
    since: async (concept, _a, ctx) => earliest(await presence(ctx, 'presence-by-concepts', concept.id)),
  },
  Department: {
    plans: (department, _a, ctx) => presence(ctx, 'presence-by-departments', department.id),
    since: async (department, _a, ctx) =>
      earliest(await presence(ctx, 'presence-by-departments', department.id)),
  },
};

function presence(ctx: Context, statement: string, id: string): Promise<Presence[]> {
  return ctx.db.read<Presence & Record<string, unknown>>(statement, { ids: [id] });
}

function earliest(rows: readonly Presence[]): number | null {
  const years = rows.map((r) => r.year).filter((y): y is number => y !== null);
  return years.length === 0 ? null : Math.min(...years);
}
