/**
 * Rows of the questions across plans (cypher/concept-plans-by-year, department-plans-by-year,
 * document-citing-plans, task-lineage): one row per plan or per task of another plan, with the year
 * the plan speaks of (null when its text gives none), oldest first.
 */
import type { CitationRow, ElementRow } from './rows.ts';

interface InPlan {
  readonly planId: string;
  readonly year: number | null;
}

export interface ConceptInPlanRow extends InPlan {
  readonly mentionCount: number;
  readonly elementCount: number;
}

export interface DepartmentInPlanRow extends InPlan {
  readonly leadCount: number;
  readonly participationCount: number;
}

export interface CitingPlanRow extends InPlan {
  readonly citationCount: number;
  /** The plan's first citation of the document, in text order. */
  readonly first: CitationRow;
}

export interface TaskLinkRow extends InPlan {
  readonly taskId: string;
  readonly direction: 'EARLIER' | 'LATER';
  readonly hops: number;
  readonly relation: 'SAME_AS' | 'CONTINUES';
  readonly score: number;
  readonly task: ElementRow;
}
