/** Parent rows of the coverage types: ids from the aggregating queries, resolved through loaders. */
export interface CoverageParent {
  readonly planId: string | null;
}
export interface GoalCoverageRow {
  readonly goalId: string;
  readonly taskCount: number;
  readonly totalScore: number;
}
export interface DepartmentLoadRow {
  readonly departmentId: string;
  readonly taskCount: number;
  readonly subItemCount: number;
  readonly taskIds: readonly string[];
  readonly goalIds: readonly string[];
  readonly sharesWithIds: readonly string[];
}
export interface SharedTaskRow {
  readonly taskId: string;
  readonly departmentIds: readonly string[];
}
export interface ConceptReachRow {
  readonly conceptId: string;
  readonly mentionCount: number;
  readonly elementCount: number;
  readonly elementIds: readonly string[];
  readonly taskIds: readonly string[];
  readonly goalIds: readonly string[];
}
export interface ProblemCoverageRow {
  readonly problemId: string;
}
