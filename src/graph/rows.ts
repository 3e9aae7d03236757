/**
 * Row types: what the graph layer's Cypher returns, i.e. the stored properties of each node and
 * relationship (written by src/ingest/load/rows.ts). Resolvers receive these as parents; codegen
 * maps GraphQL types onto them (codegen.ts `mappers`).
 */

/** Flat provenance properties, as stored. */
export interface SpanProps {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly quote: string;
}

/** Every node row carries its labels (minus the technical `Entity`). */
export interface NodeRowBase {
  readonly id: string;
  readonly labels: readonly string[];
}

export interface PlanRow extends NodeRowBase, SpanProps {
  readonly planId: string;
  readonly title: string;
  readonly noticeTitle: string | null;
  readonly issuer: string | null;
  readonly issuedDate: string | null;
  readonly issuedDateRaw: string | null;
  readonly publishedDate: string | null;
  readonly approvedBy: string | null;
  readonly addressees: readonly string[] | null;
  readonly copyTo: readonly string[] | null;
  readonly text: string | null;
  readonly sourceFile: string;
  readonly sha256: string;
  readonly sourceUrl: string | null;
  readonly sourceBytes: number;
  readonly encoding: string;
  readonly loaderVersion: string;
  readonly metaSpansJson: string;
  readonly warningsJson: string;
  /** Absent on plans written before loader 1.1.0 (they were all complete). */
  readonly complete?: boolean;
  /** The stated responsibility convention ({rule, span}) as JSON; null or absent when none. */
  readonly responsibilityConventionJson?: string | null;
  /** Attachments kept beside the plan (AppendixModel[] as JSON); absent on plans loaded before appendices were read. */
  readonly appendicesJson?: string;
}

export interface SectionRow extends NodeRowBase, SpanProps {
  readonly planId: string;
  readonly level: number;
  readonly number: number;
  readonly marker: string;
  readonly title: string;
  readonly text: string | null;
  readonly itemKind: string | null;
  /** Enclosing section; absent at level 1. */
  readonly parentId: string | null;
  readonly order: number;
  readonly truncated?: boolean;
}

export type ElementKind = 'Principle' | 'Goal' | 'Task' | 'SubItem' | 'Guarantee' | 'Step';

export interface ElementRow extends NodeRowBase, SpanProps {
  readonly planId: string;
  readonly kind: ElementKind;
  readonly number: number;
  readonly marker: string;
  readonly title: string;
  readonly text: string;
  readonly sectionId: string;
  /** For a SubItem, its task; else absent. */
  readonly parentId: string | null;
  readonly order: number;
  readonly titleStart: number;
  readonly titleEnd: number;
  readonly titleLine: number;
  readonly titleQuote: string;
  readonly truncated?: boolean;
  /** A schedule step's period: first and last day (ISO) and its words' span (periodStart, …). */
  readonly periodFrom?: string | null;
  readonly periodTo?: string | null;
  readonly periodQuote?: string;
  /** A task read from an attached list's row: its other columns (ColumnValueModel[] as JSON). */
  readonly columnsJson?: string;
  /** A task's sub-item count, when the statement that fetched it counted them. */
  readonly subItemCount?: number;
}

/**
 * Statements that fetch children ahead (look-ahead) return short rows, marked `short: true`:
 * elements without their text and spans, concepts without aliases and glosses, derived edges
 * without rationale and evidence. Resolvers of those fields fetch the whole row when selected.
 */
export interface ShortMark {
  readonly short?: true;
}

export interface DepartmentRow extends NodeRowBase {
  readonly name: string;
  readonly fullName: string | null;
  readonly fullNameSource: string | null;
  /** Absent on nodes loaded before departments had scopes. */
  readonly scope?: string | null;
  readonly aliases?: readonly string[] | null;
}

export interface ConceptRow extends NodeRowBase {
  readonly name: string;
  readonly aliases: readonly string[] | null;
  readonly kind: string;
  readonly gloss: string | null;
  readonly definition: string | null;
  readonly definitionSource: string | null;
  readonly inGlossary: boolean;
}

export interface ProblemRow extends NodeRowBase, SpanProps {
  readonly planId: string;
  readonly number: number;
  readonly name: string;
  readonly text: string;
  readonly statedInId: string;
}

export type NodeRow =
  PlanRow | SectionRow | ElementRow | DepartmentRow | ConceptRow | ProblemRow | DocumentRow;

/** Relationship rows carry their endpoints' ids. */
export interface LeadRow extends SpanProps {
  readonly id: string;
  readonly departmentId: string;
  readonly taskId: string;
  /** The name as the plan writes it; absent on edges loaded before it was recorded. */
  readonly name?: string;
}

/** A unit taking part in a task without leading it. */
export interface ParticipationRow extends LeadRow {
  readonly role: string;
}

export interface MentionRow extends SpanProps {
  readonly id: string;
  readonly elementId: string;
  readonly conceptId: string;
}

/** A derived edge (SERVES, ADDRESSES): basis, score and evidence as stored. */
export interface DerivedRow extends ShortMark {
  readonly id: string;
  readonly fromId: string;
  readonly toId: string;
  readonly basis: string;
  readonly score: number;
  readonly rationale: string | null;
  readonly evidenceJson: string;
}

/** A document or meeting the plans cite (shared; src/ingest/semantics/citations.ts). */
export interface DocumentRow extends NodeRowBase {
  readonly form: 'document' | 'meeting';
  readonly title?: string | null;
  /** Stored as documentNumber: an element's `number` is an integer, and exports type a key once. */
  readonly documentNumber?: string | null;
}

/** A CITES edge: the citing element, the document, the plan whose text cites, and the span. */
export interface CitationRow extends SpanProps {
  readonly id: string;
  readonly planId: string;
  readonly elementId: string;
  readonly documentId: string;
}
