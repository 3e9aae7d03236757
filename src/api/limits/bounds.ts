/**
 * How long each list of the API can be: the numbers the cost model multiplies by.
 *
 * A list of graph nodes (Plan.tasks, Task.subItems, Department.tasks, …) can never hold more
 * items than the graph has nodes of that label, and a list of relationships (Mention, Lead,
 * Serves, Addresses) no more than the graph has relationships of that type: those counts are the
 * known bounds, read from the graph and refreshed at most every `maxAgeMs`. Lists that are pages
 * (`first`, `limit`) are bounded by their argument (cost.ts). Every other list has a declared
 * bound here, and a list the tables forget gets UNKNOWN_LIST_BOUND, which is deliberately large.
 */
import type { Database } from '../../db/database.ts';

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
  GraphPath: 25, // graph-paths.cypher: SHORTEST 25
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

export interface GraphSize {
  readonly labels: ReadonlyMap<string, number>;
  readonly relationships: ReadonlyMap<string, number>;
  /** Tasks of each plan, by plan id: what compare is priced by (work.ts). */
  readonly tasksByPlan?: ReadonlyMap<string, number>;
}

export class ListBounds {
  private size: GraphSize | null = null;
  private readAt = 0;
  private pending: Promise<GraphSize> | null = null;

  constructor(
    private readonly db: Database,
    private readonly maxAgeMs = 30_000,
  ) {}

  /**
   * The graph's counts, at most `maxAgeMs` old; the last known while the database does not
   * answer. With none known yet, the database's error (DATABASE_UNAVAILABLE, TIMEOUT) is the
   * request's: an operation is not priced on guesses.
   */
  async current(): Promise<GraphSize> {
    if (this.size !== null && Date.now() - this.readAt < this.maxAgeMs) return this.size;
    this.pending ??= this.refresh().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async refresh(): Promise<GraphSize> {
    try {
      const [labels, relationships, tasks] = await Promise.all([
        this.db.read<{ label: string; count: number }>('count-all-labels', {}, { counted: false }),
        this.db.read<{ type: string; count: number }>('count-all-relationships', {}, { counted: false }),
        this.db.read<{ planId: string; count: number }>('count-tasks-by-plan', {}, { counted: false }),
      ]);
      this.size = {
        labels: new Map(labels.map((r) => [r.label, r.count])),
        relationships: new Map(relationships.map((r) => [r.type, r.count])),
        tasksByPlan: new Map(tasks.map((r) => [r.planId, r.count])),
      };
      this.readAt = Date.now();
    } catch (error) {
      if (this.size === null) throw error;
    }
    return this.size;
  }
}

/**
 * Most items a list of `itemType` (a field of `parentType`) can hold in a graph of `size`; at
 * least 1, so that an empty graph still prices what a query would cost on a full one.
 */
export function listBound(size: GraphSize | null, parentType: string, itemType: string): number {
  if (PAGE_TYPES.has(parentType)) return 1;
  if (parentType === 'GraphPath') return PATH_ITEMS;
  const declared = DECLARED[itemType];
  if (declared !== undefined) return declared;
  const labels = NODE_LABELS[itemType];
  const relationship = RELATIONSHIP_TYPES[itemType];
  if (size === null || (labels === undefined && relationship === undefined)) return UNKNOWN_LIST_BOUND;
  const count =
    labels !== undefined
      ? labels.reduce((sum, label) => sum + (size.labels.get(label) ?? 0), 0)
      : (size.relationships.get(relationship!) ?? 0);
  return Math.max(1, count);
}
