/**
 * How long each list of the API can be: the numbers the cost model multiplies by.
 *
 * A list of graph nodes (Plan.tasks, Task.subItems, Department.tasks, …) can never hold more
 * items than the graph has nodes of that label, and a list of relationships (Mention, Lead,
 * Serves, Addresses) no more than the graph has relationships of that type: those counts are the
 * known bounds, read from the graph and refreshed at most every `maxAgeMs`. Lists that are pages
 * (`first`, `limit`) are bounded by their argument (cost.ts). Every other list has a declared
 * bound here, and a list the tables forget gets UNKNOWN_LIST_BOUND, which is deliberately large.
 *
 * A list scoped to one plan — a field given `planId`, the lists of a node that belongs to a plan
 * (Plan.tasks, Task.subItems, Goal.servedBy), the rows of `coverage` — holds no more than the
 * largest plan has of that kind, so its bound is that per-plan count, not the whole graph's:
 * the price of a question about one plan does not grow with the library beside it. Coverage of
 * k plans is priced per plan and multiplied at its root (coverageScale).
 */
import { AsyncResource } from 'node:async_hooks';
import type { Database, Row } from '../../db/database.ts';

/** Item types that are graph nodes, by label. Interfaces count every label that implements them. */
const NODE_LABELS: Readonly<Record<string, readonly string[]>> = {
  Plan: ['Plan'],
  Section: ['Section'],
  Principle: ['Principle'],
  Goal: ['Goal'],
  Task: ['Task'],
  SubItem: ['SubItem'],
  Guarantee: ['Guarantee'],
  Step: ['Step'],
  Department: ['Department'],
  Concept: ['Concept'],
  Problem: ['Problem'],
  Document: ['Document'],
  PlanElement: ['Principle', 'Goal', 'Task', 'SubItem', 'Guarantee', 'Step'],
  Node: [
    'Plan',
    'Section',
    'Principle',
    'Goal',
    'Task',
    'SubItem',
    'Guarantee',
    'Step',
    'Department',
    'Concept',
    'Problem',
    'Document',
  ],
  // Coverage rows: one per node of the label they report on.
  GoalCoverage: ['Goal'],
  DepartmentLoad: ['Department'],
  SharedTask: ['Task'],
  ConceptReach: ['Concept'],
  ProblemCoverage: ['Problem'],
  // Comparison rows: one per task of a plan, per department, per plan a node appears in.
  TaskAlignment: ['Task'],
  LeadChange: ['Department'],
  PlanPresence: ['Plan'],
  SharedConcept: ['Concept'],
};

/** Item types that are relationships, by relationship type. */
const RELATIONSHIP_TYPES: Readonly<Record<string, string>> = {
  Mention: 'MENTIONS',
  Lead: 'LEADS',
  Serves: 'SERVES',
  Addresses: 'ADDRESSES',
  Participation: 'PARTICIPATES',
  Citation: 'CITES',
};

/** Lists whose length the data model fixes or the Cypher caps. */
const DECLARED: Readonly<Record<string, number>> = {
  PlanFact: 16, // one per metadata field of a plan
  LabelCount: 32, // one per label or relationship type
  ServesEvidence: 16,
  AddressesEvidence: 16,
  ParseWarning: 1_000,
  GraphPath: 25, // graph-paths.cypher: allShortestPaths … LIMIT 25
  BasisCount: 8, // one per basis of a derived edge
  DiffPart: 200, // a character diff of one title or text: runs kept, added and removed alternate
  Appendix: 20, // attachments (附件) of one plan
  TaskColumn: 16, // columns of one attached list's row
};

/** Items of a page type's inner lists: the page's own argument (first, limit) multiplies instead. */
export const PAGE_TYPES: ReadonlySet<string> = new Set([
  'MentionConnection',
  'ConceptConnection',
  'SubItemConnection',
  'GraphShape',
  'SearchHitConnection',
]);
/** GraphPath.nodes / .edges: a path has at most 8 hops (Query.path's maxLength). */
const PATH_ITEMS = 9;

export const UNKNOWN_LIST_BOUND = 10_000;

/** Counts of nodes per label and of relationships per type. */
export interface Counts {
  readonly labels: ReadonlyMap<string, number>;
  readonly relationships: ReadonlyMap<string, number>;
}

export interface GraphSize extends Counts {
  /** Tasks of each plan, by plan id: what compare is priced by (work.ts). */
  readonly tasksByPlan?: ReadonlyMap<string, number>;
  /**
   * The largest plan's count of each label (its own nodes, and the shared departments, concepts
   * and documents it links to) and of each relationship type (those touching its nodes): the bound
   * of a list scoped to one plan. Absent: the whole graph's counts bound every list.
   */
  readonly largestPlan?: Counts;
}

/** Types whose every node belongs to one plan: their lists hold that plan's items (save CROSS_PLAN). */
const PLAN_OWNED: ReadonlySet<string> = new Set([
  'Plan',
  'Section',
  'Problem',
  'PlanElement',
  ...NODE_LABELS['PlanElement']!,
]);
/** Lists of a plan's node that reach into other plans: bounded by the whole graph. */
const CROSS_PLAN: ReadonlySet<string> = new Set(['Plan.citedBy', 'Task.lineage']);
/** The rows of Query.coverage (the only field of type Coverage): priced per plan, scaled at the root. */
export const COVERAGE_TYPES: ReadonlySet<string> = new Set([
  'Coverage',
  'GoalCoverage',
  'DepartmentLoad',
  'SharedTask',
  'ConceptReach',
  'ProblemCoverage',
]);

export class ListBounds {
  private size: GraphSize | null = null;
  private readAt = 0;
  private version: string | null = null;
  private pending: Promise<GraphSize> | null = null;
  /**
   * Where the counts are read from: the context that made the bounds (the server's start), not the
   * request that happens to find them old, so that the reads do not take that request's deadline
   * (src/db/deadline.ts) and end with it.
   */
  private readonly outside = new AsyncResource('ListBounds');

  constructor(
    private readonly db: Database,
    private readonly maxAgeMs = 30_000,
  ) {}

  /**
   * The graph's counts. Older than `maxAgeMs`, they are read again in the background while the
   * last known ones price the requests (counting a library of 1,000 plans takes seconds: no
   * request waits for it), as they do while the database does not answer. With none known yet,
   * the request waits for the first count, and the database's error (DATABASE_UNAVAILABLE,
   * TIMEOUT) is the request's: an operation is not priced on guesses.
   */
  async current(): Promise<GraphSize> {
    if (this.size !== null && Date.now() - this.readAt < this.maxAgeMs) return this.size;
    this.pending ??= this.outside
      .runInAsyncScope(() => this.refresh())
      .finally(() => {
        this.pending = null;
      });
    if (this.size !== null) {
      this.pending.catch(() => undefined); // the last known counts stand
      return this.size;
    }
    return this.pending;
  }

  private async refresh(): Promise<GraphSize> {
    try {
      // Every completed load writes a new graph version: the counts stand while it does not change.
      // A graph no load wrote (version null) is counted again each time.
      const [row] = await this.db.read<{ version: string | null }>('graph-version', {}, { counted: false });
      const version = row?.version ?? null;
      if (this.size === null || version === null || version !== this.version) {
        this.size = await this.count();
        this.version = version;
      }
      this.readAt = Date.now();
    } catch (error) {
      if (this.size === null) throw error;
    }
    return this.size;
  }

  private async count(): Promise<GraphSize> {
    const read = <R extends Row>(name: string) => this.db.read<R>(name, {}, { counted: false });
    const [labels, relationships, tasks, largestLabels, largestRelationships] = await Promise.all([
      read<{ label: string; count: number }>('count-all-labels'),
      read<{ type: string; count: number }>('count-all-relationships'),
      read<{ planId: string; count: number }>('count-tasks-by-plan'),
      read<{ label: string; count: number }>('count-largest-plan-labels'),
      read<{ type: string; count: number }>('count-largest-plan-relationships'),
    ]);
    return {
      labels: new Map(labels.map((r) => [r.label, r.count])),
      relationships: new Map(relationships.map((r) => [r.type, r.count])),
      tasksByPlan: new Map(tasks.map((r) => [r.planId, r.count])),
      largestPlan: {
        labels: new Map(largestLabels.map((r) => [r.label, r.count])),
        relationships: new Map(largestRelationships.map((r) => [r.type, r.count])),
      },
    };
  }
}

/** Whether a list field holds one plan's items only: given `planId`, or a plan's own node's list. */
function scopedToPlan(parentType: string, field: string | undefined, args: Record<string, unknown>): boolean {
  if (typeof args['planId'] === 'string') return true;
  if (COVERAGE_TYPES.has(parentType)) return true;
  return PLAN_OWNED.has(parentType) && field !== undefined && !CROSS_PLAN.has(`${parentType}.${field}`);
}

/** Items of `labels` or of `relationship` that `counts` holds. */
function countOf(counts: Counts, labels: readonly string[] | undefined, relationship: string | undefined) {
  return labels !== undefined
    ? labels.reduce((sum, label) => sum + (counts.labels.get(label) ?? 0), 0)
    : (counts.relationships.get(relationship!) ?? 0);
}

/**
 * Most items a list of `itemType` (the field `field` of `parentType`, given `args`) can hold in a
 * graph of `size`; at least 1, so that an empty graph still prices what a query would cost on a
 * full one. Scoped to one plan (scopedToPlan), the largest plan's count bounds it.
 */
export function listBound(
  size: GraphSize | null,
  parentType: string,
  itemType: string,
  field?: string,
  args: Record<string, unknown> = {},
): number {
  if (PAGE_TYPES.has(parentType)) return 1;
  if (parentType === 'GraphPath') return PATH_ITEMS;
  const declared = DECLARED[itemType];
  if (declared !== undefined) return declared;
  const labels = NODE_LABELS[itemType];
  const relationship = RELATIONSHIP_TYPES[itemType];
  if (size === null || (labels === undefined && relationship === undefined)) return UNKNOWN_LIST_BOUND;
  const whole = countOf(size, labels, relationship);
  const count =
    size.largestPlan !== undefined && scopedToPlan(parentType, field, args)
      ? Math.min(whole, countOf(size.largestPlan, labels, relationship))
      : whole;
  return Math.max(1, count);
}

/** Whether `itemType` is bounded by the graph's counts (not declared, not a page's item). */
export function countedItem(parentType: string, itemType: string): boolean {
  if (PAGE_TYPES.has(parentType) || parentType === 'GraphPath' || DECLARED[itemType] !== undefined)
    return false;
  return NODE_LABELS[itemType] !== undefined || RELATIONSHIP_TYPES[itemType] !== undefined;
}

/**
 * How much more than one plan's coverage the coverage of `args` (planId, planIds or every plan)
 * can hold, per level of counted lists: k plans hold at most k times the largest plan's items of
 * each kind, and never more than the whole graph, at most `ratio` times the largest plan's (the
 * largest ratio over the kinds coverage lists). 1 for one plan, or without per-plan counts.
 */
export function coverageScale(size: GraphSize | null, args: Record<string, unknown>): number {
  if (size === null || size.largestPlan === undefined) return 1;
  const plans = size.labels.get('Plan') ?? 0;
  const ids = args['planIds'];
  const k = Array.isArray(ids)
    ? Math.min(new Set(ids).size, plans)
    : typeof args['planId'] === 'string'
      ? 1
      : plans;
  if (k <= 1) return 1;
  let ratio = 1;
  for (const item of COVERAGE_ITEMS) {
    const labels = NODE_LABELS[item];
    const relationship = RELATIONSHIP_TYPES[item];
    // A list's per-plan bound is at least 1 (listBound): so is the divisor.
    const largest = Math.max(1, countOf(size.largestPlan, labels, relationship));
    ratio = Math.max(ratio, countOf(size, labels, relationship) / largest);
  }
  return Math.min(k, ratio);
}

/** Item types of the counted lists of coverage rows (schema/coverage.graphql). */
const COVERAGE_ITEMS = [
  'Task',
  'Goal',
  'Department',
  'Concept',
  'Problem',
  'PlanElement',
  'GoalCoverage',
  'DepartmentLoad',
  'SharedTask',
  'ConceptReach',
  'ProblemCoverage',
  'Serves',
  'Addresses',
];
