/**
 * The plan model: what the parser makes of a plan's text, and the only thing the loader writes.
 *
 * Everything here is plain data (JSON-serialisable) so that `npm run load -- --dry-run --json`
 * can write it and tests can pin it without a database.
 *
 * Offsets: `start`/`end` are indices into the decoded source text as JavaScript strings count them
 * (UTF-16 code units; every character of a Chinese plan is in the BMP, so this is also the
 * character index). `text.slice(start, end) === quote` holds for every span the parser emits.
 * `line` is the 1-based line of `start`.
 */

/** A place in the source text and the exact text found there (W3C Web Annotation: position + quote). */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly quote: string;
}

/** Where a plan's text came from. */
export interface SourceInfo {
  /** File name as given to the loader (basename). */
  readonly file: string;
  /** sha256 of the file's bytes, hex. */
  readonly sha256: string;
  /** Page the text was captured from, when a seeds manifest knows it. */
  readonly url: string | null;
  /** Size of the file in bytes. */
  readonly bytes: number;
  /** Encoding the text was decoded from ("utf-8", "gb18030", …). */
  readonly encoding: string;
}

/** Kinds of numbered element a plan's outline holds. Which section holds which kind is data (seeds/genre.json). */
export type ElementKind = 'Principle' | 'Goal' | 'Task' | 'SubItem' | 'Guarantee' | 'Step';

/**
 * When a schedule step (实施步骤, 工作进度: "(一)动员部署(2019年1月至3月)") runs, read from its words:
 * 2019年1月至3月 → 2019-01-01..2019-03-31; 2019年6月底前 → ..2019-06-30 (no start).
 */
export interface PeriodModel {
  /** First day, ISO; null when the words state none ("6月底前") or no year can be known. */
  readonly from: string | null;
  /** Last day, ISO; null when the words state none ("10月起") or no year can be known. */
  readonly to: string | null;
  /** The period's words in the source ("2019年1月至3月"). */
  readonly span: Span;
}

/** A heading of the outline: 一、总体要求 (level 1), (一)工作原则 (level 2). */
export interface SectionModel {
  /** e.g. "cast-2018/sec-1", "cast-2018/sec-1/sec-2" */
  readonly id: string;
  /** 1 for 一、, 2 for (一), … */
  readonly level: number;
  /** Ordinal within its parent (1-based) as the numbering says. */
  readonly number: number;
  /** The marker as it stands in the text: "一、", "(二)". */
  readonly marker: string;
  /** Heading text without the marker: "总体要求". */
  readonly title: string;
  /** Introductory paragraph(s) under the heading, before any child; "" if none. */
  readonly text: string;
  /** Parent section id, null for level 1. */
  readonly parentId: string | null;
  /** Element kind that the numbered items directly under this section are, if the genre data says. */
  readonly itemKind: ElementKind | null;
  /** Global document order (0-based) among sections. */
  readonly order: number;
  /** Span of the heading line (marker + title). */
  readonly span: Span;
  /** Span of the intro text, null when there is none. */
  readonly textSpan: Span | null;
  /**
   * Closing paragraph(s) after the section's last item, which no item owns ("以上10项改革任务,由各
   * 牵头部门…"); absent or "" when there is none. Kept apart from `text`, which is the intro.
   */
  readonly closingText?: string;
  /** Span of the closing text; absent or null when there is none. */
  readonly closingSpan?: Span | null;
  /** Present (true) only when the text stops inside this section's heading or intro (a partial load). */
  readonly truncated?: true;
}

/** A numbered item: a principle, goal, task, a task's sub-item, a guarantee, or a schedule step. */
export interface ElementModel {
  /** e.g. "cast-2018/task-4", "cast-2018/task-4/item-2", "cast-2018/goal-1" */
  readonly id: string;
  readonly kind: ElementKind;
  /** The item's number in its sequence (1-based). */
  readonly number: number;
  /** The marker as it survived in the text: "1.", "(2", "6)", "1". */
  readonly marker: string;
  /** The lead phrase: for "1.坚持改革创新。坚定…" it is "坚持改革创新"; for a sub-item, its first clause. */
  readonly title: string;
  /** Full text of the item without its marker (and, for a task, without the lead-department marker). */
  readonly text: string;
  /** Section that holds it (for SubItem: the task's section). */
  readonly sectionId: string;
  /** For a SubItem, the id of its task; else null. */
  readonly parentId: string | null;
  /** Document order (0-based) among all elements. */
  readonly order: number;
  /** Span of the whole item, marker included. */
  readonly span: Span;
  /** Span of the title inside the item. */
  readonly titleSpan: Span;
  /**
   * Span of `text` in the source (marker and lead marker excluded). Its quote equals `text` when
   * the item is one paragraph; across paragraphs `text` joins the raw lines with "\n".
   */
  readonly textSpan?: Span;
  /** Present (true) only when the text stops inside this element (a partial load of a cut text). */
  readonly truncated?: true;
  /** For a Step whose words state when it runs: the period and its dates. Absent otherwise. */
  readonly period?: PeriodModel;
  /** For a task read from a row of an attached list: its other columns (推广范围, 完成时限 …) as written. */
  readonly columns?: readonly ColumnValueModel[];
}

/** One cell of an attached list's row, kept on its task under the column's heading. */
export interface ColumnValueModel {
  /** The column's heading as the table writes it: 推广范围, 完成时限. */
  readonly name: string;
  readonly value: string;
  readonly span: Span;
}

/**
 * An attachment (附件) that is not the plan itself: an appendix of indicators (…考核指标), or a
 * document the plan encloses. Kept beside the plan with its whole text; never read as a second plan.
 */
export interface AppendixModel {
  /** e.g. "gwy-2019-opinions/appendix-1" */
  readonly id: string;
  /** Its place among the plan's attachments (1-based). */
  readonly number: number;
  /** The label as written: "附件", "附件1". */
  readonly label: string;
  readonly title: string;
  /** "indicators" (its title names indicators) or "document" (anything else that is not a list of tasks). */
  readonly kind: 'indicators' | 'document';
  /** Its lines after the title, joined by "\n" (a flattened table: one cell per line). */
  readonly text: string;
  /** The whole attachment, label to last line. */
  readonly span: Span;
  readonly titleSpan: Span;
}

/** A lead unit: 调宣部, 组人部, 办公厅. Shared across plans (id has no plan namespace). */
export interface DepartmentModel {
  /** e.g. "dept/调宣部" */
  readonly id: string;
  /** Name as the plans write it. */
  readonly name: string;
  /** Official full name from seeds/departments.json, or null when no source gives one. */
  readonly fullName: string | null;
  /** Where the full name comes from (URL or document), null with fullName null. */
  readonly fullNameSource: string | null;
}

/**
 * A department once resolved within the scope of the plan's issuer: `dept/<scope>/<name>`, or
 * `dept/<name>` where the scope's data keeps bare ids (中国科协) or no issuer is known.
 */
export interface ScopedDepartmentModel extends DepartmentModel {
  /** The scope's name: 国家, 广州市, 中国科协; null when the plan names no issuer. */
  readonly scope: string | null;
  /** The other names of the department: the alias table's and the ones the plans write. */
  readonly aliases: readonly string[];
}

/** Department → Task, from a "(XX部牵头)" or "牵头单位:" marker. */
export interface LeadModel {
  readonly departmentId: string;
  readonly taskId: string;
  /** The department's name as it stands inside the marker. */
  readonly span: Span;
}

/**
 * Department → Task for a unit that takes part without leading: "配合单位:X", "责任单位:X",
 * "(X牵头,Y配合)". The role is the genre's word for it (配合, 责任, 参与, 协办).
 */
export interface ParticipationModel {
  readonly departmentId: string;
  readonly taskId: string;
  readonly role: string;
  /** The unit's name as it stands in the text. */
  readonly span: Span;
}

/** A named idea of the plan. Shared across plans (id has no plan namespace). */
export interface ConceptModel {
  /** e.g. "concept/四服务" */
  readonly id: string;
  /** Canonical name: "四服务". */
  readonly name: string;
  readonly aliases: readonly string[];
  /** "role", "layout", "method", "platform", "pilot", "term", … from the glossary; "quoted-term" when found only by quotes. */
  readonly kind: string;
  /** Short English gloss, null if none. */
  readonly gloss: string | null;
  /** Definition only where a source gives one; null otherwise, never invented. */
  readonly definition: string | null;
  readonly definitionSource: string | null;
  /** True when the concept came from the glossary; false when only found as a quoted term. */
  readonly inGlossary: boolean;
}

/** An element (or section, or the plan itself) mentions a concept at a span. */
export interface MentionModel {
  /** Innermost element containing the match: a SubItem before its Task; a Section for intro text; the Plan id for preamble text. */
  readonly elementId: string;
  readonly conceptId: string;
  /** The matched text (an alias or the name) with its offsets. */
  readonly span: Span;
}

/** A problem the plan names (坚持问题导向: "上热下冷", …). */
export interface ProblemModel {
  /** e.g. "cast-2018/problem-1" */
  readonly id: string;
  readonly number: number;
  /** Short name: the inner quoted term if there is one ("上热下冷"), else the clause. */
  readonly name: string;
  /** The clause that states it. */
  readonly text: string;
  /** Element whose text names the problem (the principle 坚持问题导向). */
  readonly statedInId: string;
  readonly span: Span;
}

/** How a derived edge was justified. */
export type Basis = 'phrase' | 'concept' | 'curated' | 'mention';

/** Evidence for a derived edge: the shared phrase and where it stands on both ends. */
export interface EvidenceModel {
  readonly phrase: string;
  /** Quote on the source end of the edge (the task for SERVES, the addressing element for ADDRESSES). */
  readonly fromSpan: Span;
  /** Quote on the target end (the goal for SERVES, the problem for ADDRESSES). */
  readonly toSpan: Span;
}

/** Task → Goal (derived; the text never states it). */
export interface ServesModel {
  readonly taskId: string;
  readonly goalId: string;
  readonly basis: Basis;
  /** 0..1, higher is stronger; the rule is documented in the README. */
  readonly score: number;
  /** All the evidence found (best first); curated edges carry the quotes the reviewer chose. */
  readonly evidence: readonly EvidenceModel[];
  /** For curated edges: the reviewer's rationale; else null. */
  readonly rationale: string | null;
}

/** Element → Problem. */
export interface AddressesModel {
  readonly elementId: string;
  readonly problemId: string;
  readonly basis: Basis;
  readonly score: number;
  readonly evidence: readonly EvidenceModel[];
  readonly rationale: string | null;
}

/** Something the parser noticed and carried on past. */
/**
 * The document's own rule on who leads among the units one annotation names ("排在第一位的部门为
 * 牵头部门，下同"): FIRST_LEADS — the first unit leads, the others take part. The span quotes it.
 */
export interface ResponsibilityConvention {
  readonly rule: 'FIRST_LEADS';
  readonly span: Span;
}

export interface ParseWarning {
  /** Stable code, e.g. "NUMBER_REPAIRED", "DATE_UNRECOVERABLE", "LEAD_MISSING". */
  readonly code: string;
  readonly message: string;
  readonly line: number | null;
}

/** The whole plan as parsed. */
export interface PlanModel {
  /** Namespace of every id of this plan: "cast-2018". */
  readonly id: string;
  /** "2018年科协系统深化改革重点任务" */
  readonly title: string;
  /** The notice's title, when the plan came inside one: "中国科协办公厅关于印发《…》的通知". */
  readonly noticeTitle: string | null;
  /** "中国科协办公厅" */
  readonly issuer: string | null;
  /** ISO date the notice was issued, when recoverable; null when not. */
  readonly issuedDate: string | null;
  /** The issue date as it stands ("201842"), null when absent. */
  readonly issuedDateRaw: string | null;
  /** ISO date the page published it (发布日期), null when absent. */
  readonly publishedDate: string | null;
  /** Body that approved it ("中国科协深化改革领导小组第二次会议"), null when not stated. */
  readonly approvedBy: string | null;
  readonly addressees: readonly string[];
  readonly copyTo: readonly string[];
  /** The preamble paragraph(s) before the first section ("根据党的十九大…"), "" if none. */
  readonly preamble: string;
  readonly source: SourceInfo;
  /** Span of the plan's title in the text. */
  readonly span: Span;
  /** Where each recovered metadata field stands in the text (noticeTitle, issuer, issuedDate, publishedDate, approvedBy, addressees, copyTo, preamble). */
  readonly metaSpans: Readonly<Record<string, Span>>;
  readonly sections: readonly SectionModel[];
  /** Every numbered element, in document order (principles, goals, tasks, sub-items, guarantees). */
  readonly elements: readonly ElementModel[];
  /** The plan's departments, each in the scope of the plan's issuer (src/ingest/departments.ts). */
  readonly departments: readonly ScopedDepartmentModel[];
  /** The body whose departments the plan names (国家, 广州市, 中国科协); null when no issuer is known. */
  readonly departmentScope?: string | null;
  readonly leads: readonly LeadModel[];
  /** Units that take part in a task without leading it (PARTICIPATES). */
  readonly participations: readonly ParticipationModel[];
  /** Attachments kept beside the plan (an appendix of indicators …); an attached list of tasks is read as tasks instead. */
  readonly appendices: readonly AppendixModel[];
  /**
   * False when the text stops mid-plan and it was loaded with --partial: what was read is here, the
   * element or section the text stops in is marked `truncated`, and a TRUNCATED warning says where.
   */
  readonly complete: boolean;
  /** The stated convention on who leads among listed units, or null when the text states none. */
  readonly responsibilityConvention: ResponsibilityConvention | null;
  readonly concepts: readonly ConceptModel[];
  readonly mentions: readonly MentionModel[];
  readonly problems: readonly ProblemModel[];
  readonly serves: readonly ServesModel[];
  readonly addresses: readonly AddressesModel[];
  /** The reviewed links (seeds/links/) that fit this text: file, how matched, how many applied. */
  readonly reviewed: ReviewedLinksModel;
  readonly warnings: readonly ParseWarning[];
}

/** Reviewed links applied to a plan; file null and counts 0 when none fit its text. */
export interface ReviewedLinksModel {
  readonly file: string | null;
  readonly matchedBy: 'sha256' | 'quotes' | null;
  readonly serves: number;
  readonly addresses: number;
}

/**
 * A document or meeting a plan cites: 《国务院关于投资体制改革的决定》（国发〔2004〕20号）,
 * 国办发〔2018〕117号, 党的十九届三中全会. Shared across plans (id has no plan namespace): its id is
 * `doc/` + the number when the plan gives one (numbers are unique, titles get shortened), else
 * `doc/` + the normalised title (whitespace dropped, full-width parentheses made ASCII).
 */
export interface DocumentModel {
  /** e.g. "doc/国发〔2004〕20号", "doc/科协系统深化改革实施方案", "doc/党的十九届三中全会" */
  readonly id: string;
  /** "document" for a 《title》 or a number, "meeting" for a named meeting. */
  readonly form: 'document' | 'meeting';
  /** Normalised title (for a meeting, its full name); null when only a number was cited. */
  readonly title: string | null;
  /** Document number as written without spaces ("国发〔2004〕20号"), null when none was cited. */
  readonly number: string | null;
}

/** An element (or section, or the plan's preamble) cites a document at a span. */
export interface CitationModel {
  /** Innermost part of the outline holding the citation, as for MentionModel. */
  readonly elementId: string;
  readonly documentId: string;
  /** The citation as it stands: 《…》 with a following （number） when there is one. */
  readonly span: Span;
}

/** What a plan cites, and how other plans can cite it (merged into PlanModel by declaration). */
export interface PlanModel {
  /** Documents and meetings cited in the body, in order of first citation (absent: none read). */
  readonly documents?: readonly DocumentModel[];
  readonly citations?: readonly CitationModel[];
  /** The plan's own document number (a line before the body holding only "国办发〔2018〕117号"). */
  readonly documentNumber?: string | null;
}
