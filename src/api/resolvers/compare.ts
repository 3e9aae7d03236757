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
import type { ConceptRow, DepartmentRow, ElementRow, PlanRow } from '../../graph/rows.ts';
import { alignBody, DEFAULT_THRESHOLD } from '../../ingest/semantics/align.ts';
import { alignOffLoop } from '../compare/align-pool.ts';
import type { AlignedPair } from '../compare/align-task.ts';
import { CompareMemo } from '../compare/memo.ts';
import { BadInputError, NotFoundError } from '../errors.ts';
import { checkPlanId } from './args.ts';

interface Side {
  plan: PlanRow;
  tasks: { node: ElementRow; subs: string[] }[];
  concepts: ConceptRow[];
  leads: { department: DepartmentRow; taskIds: string[] }[];
  /** The graph's version this side was read at. */
  version: string | null;
}

interface Presence {
  id: string;
  plan: PlanRow;
  year: number | null;
  count: number;
}

async function side(ctx: Context, planId: string) {
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
      const [sa, sb] = await Promise.all([side(ctx, a), side(ctx, b)]);
      const items = (s: Side) =>
        s.tasks.map((t) => ({
          id: t.node.id,
          kind: 'Task',
          order: t.node.order,
          title: t.node.title,
          text: t.node.text,
          body: alignBody(t.node.title, t.node.text, t.subs),
        }));
      // In a worker thread, stopped by the request's deadline (compare/align-pool.ts).
      const aligned = await alignOffLoop({ a: items(sa), b: items(sb), threshold });
      const taskA = new Map(sa.tasks.map((t) => [t.node.id, t.node]));
      const taskB = new Map(sb.tasks.map((t) => [t.node.id, t.node]));
      const pair = (x: AlignedPair) => {
        const ta = taskA.get(x.a)!;
        const tb = taskB.get(x.b)!;
        return {
          a: ta,
          b: tb,
          score: x.score,
          sharedPhrases: [...x.shared],
          same: x.same,
          titleDiff: x.titleDiff,
          textDiff: x.textDiff,
        };
      };
      const pairs = aligned.map(pair);
      const inA = new Set(aligned.map((x) => x.a));
      const inB = new Set(aligned.map((x) => x.b));
      const bOf = new Map(aligned.map((x) => [x.a, x.b]));
      const aOf = new Map(aligned.map((x) => [x.b, x.a]));

      const conceptsA = new Set(sa.concepts.map((c) => c.id));
      const conceptsB = new Set(sb.concepts.map((c) => c.id));

      const departments = new Map<string, DepartmentRow>();
      const ledA = new Map<string, string[]>();
      const ledB = new Map<string, string[]>();
      for (const [leads, led] of [
        [sa.leads, ledA],
        [sb.leads, ledB],
      ] as const) {
        for (const l of leads) {
          departments.set(l.department.id, l.department);
          led.set(l.department.id, l.taskIds);
        }
      }
      const leadChanges = [...departments.values()]
        .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
        .map((d) => {
          const la = ledA.get(d.id) ?? [];
          const lb = ledB.get(d.id) ?? [];
          const gained = lb.filter((t) => !la.includes(aOf.get(t) ?? ''));
          const lost = la.filter((t) => !lb.includes(bOf.get(t) ?? ''));
          return {
            department: d,
            ledInA: la.map((t) => taskA.get(t)!),
            ledInB: lb.map((t) => taskB.get(t)!),
            gained: gained.map((t) => taskB.get(t)!),
            lost: lost.map((t) => taskA.get(t)!),
          };
        })
        .filter((c) => c.gained.length + c.lost.length > 0);

      const answer = {
        a: sa.plan,
        b: sb.plan,
        threshold,
        aligned: pairs,
        onlyInA: sa.tasks.filter((t) => !inA.has(t.node.id)).map((t) => t.node),
        onlyInB: sb.tasks.filter((t) => !inB.has(t.node.id)).map((t) => t.node),
        changed: pairs.filter((p) => !p.same),
        conceptsAppearing: sb.concepts.filter((c) => !conceptsA.has(c.id)),
        conceptsDisappearing: sa.concepts.filter((c) => !conceptsB.has(c.id)),
        leadChanges,
        // Answered by compare-cut.ts from the fields above and the plans' read extent.
        caveats: [],
        unreadInA: [],
        unreadInB: [],
      };
      // Kept only when both sides were read at one version (no load committed between the reads).
      if (sa.version === sb.version) answers.set(sa.version, key, answer);
      return answer;
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
