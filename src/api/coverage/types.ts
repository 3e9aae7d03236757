/**
 * Rows of the coverage queries: each brings the nodes it names along (so resolving them costs no
 * further trip), plus the numbers Neo4j aggregated.
 */
import type { ConceptRow, DepartmentRow, ElementRow, ProblemRow } from '../../graph/rows.ts';

export interface CoverageParent {
  readonly planId: string | null;
}
export interface GoalCoverageRow {
  readonly goal: ElementRow;
  readonly taskCount: number;
  readonly totalScore: number;
  /** The `minScore` the counts were made with: GoalCoverage.servedBy's default. */
  readonly minScore?: number;
}
export interface DepartmentLoadRow {
  readonly department: DepartmentRow;
  readonly taskCount: number;
  readonly subItemCount: number;
  readonly tasks: readonly ElementRow[];
  readonly goals: readonly ElementRow[];
  readonly sharesWith: readonly DepartmentRow[];
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
  readonly tasks: readonly ElementRow[];
  readonly goals: readonly ElementRow[];
}
export interface ProblemCoverageRow {
  readonly problem: ProblemRow;
  readonly addressedBy: number;
}
