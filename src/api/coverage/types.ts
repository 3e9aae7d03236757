/**
 * Rows of the coverage queries: the numbers Neo4j aggregated, with the nodes they are about; the
 * lists that grow with a plan (a department's tasks, a concept's elements) come cut to the page the
 * query selects, as ids or short rows.
 */
import type { ConceptRow, DepartmentRow, ElementRow, ProblemRow } from '../../graph/rows.ts';

/** A page of an id list, as a statement cut it. */
export interface IdPage {
  readonly offset: number;
  readonly first: number;
}
export type FetchedPages = Readonly<Record<string, IdPage | null>>;

export interface CoverageParent {
  readonly planId: string | null;
  /** A set of plans (`coverage(planIds:)`), each checked to exist; absent or null otherwise. */
  readonly planIds?: readonly string[] | null;
}
export interface GoalCoverageRow {
  readonly goal: ElementRow;
  readonly taskCount: number;
  readonly totalScore: number;
  /** The `minScore` the counts were made with: GoalCoverage.servedBy's default. */
  readonly minScore?: number;
  /** Places among the plan's goals, 1 = thinnest (set by Coverage.goals). */
  readonly rankByCount?: number;
  readonly rankByScore?: number;
}
export interface DepartmentLoadRow {
  readonly department: DepartmentRow;
  readonly taskCount: number;
  readonly subItemCount: number;
  /** The tasks it leads as short rows in plan order, from `pages.tasks.offset` on (all when that is null). */
  readonly tasks: readonly ElementRow[];
  readonly goals: readonly ElementRow[];
  readonly sharesWith: readonly DepartmentRow[];
  /** Where the id lists start: the page the statement already cut (look-ahead), if it did. */
  readonly pages?: FetchedPages;
}
export interface SharedTaskRow {
  readonly task: ElementRow;
  readonly departments: readonly DepartmentRow[];
}
export interface ConceptReachRow {
  readonly concept: ConceptRow;
  readonly mentionCount: number;
  readonly elementCount: number;
  readonly elementIds: readonly string[];
  /** Short rows in plan order, from `pages.tasks.offset` / `pages.goals.offset` on. */
  readonly tasks: readonly ElementRow[];
  readonly goals: readonly ElementRow[];
  readonly pages?: FetchedPages;
}
export interface ProblemCoverageRow {
  readonly problem: ProblemRow;
  readonly addressedBy: number;
}
