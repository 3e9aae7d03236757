/**
 * Text → plan outline and metadata, without semantics (src/ingest/index.ts adds those). Pure:
 * no file, no database. Stages, each in its own file:
 *   lines (paragraphs, offsets) → chrome (where the plan starts) → outline (the numbering ladder
 *   by expected sequence) → after-body (plan text left between the body and the imprint) →
 *   classify (section or element, which kind) → assemble (ids, titles, sub-items, leads) →
 *   checks (truncation) → coverage (no body line lost unnamed) ; metadata reads the notice
 *   around the body.
 */
import { PlanParseError } from '../errors.ts';
import type {
  DepartmentModel,
  ElementModel,
  LeadModel,
  ParseWarning,
  ParticipationModel,
  ResponsibilityConvention,
  SectionModel,
  Span,
} from '../model.ts';
import type { DepartmentEntry, Genre, KnownFact } from '../seed-data.ts';
import { scanAfterBody } from './after-body.ts';
import { assemble } from './assemble.ts';
import type { Assembled } from './assemble.ts';
import type { ListEnv } from './attached-list.ts';
import { checkCompleteness } from './checks.ts';
import { findOutlineStart } from './chrome.ts';
import { findConvention } from './convention.ts';
import { refuseOtherKinds } from './doc-kind.ts';
import { classifyOutline, guessedKinds, headingWords, planDefaultKind } from './classify.ts';
import { splitClosingParas } from './closing.ts';
import { checkCoverage } from './coverage.ts';
import { LineIndex, splitParas } from './lines.ts';
import type { Para } from './lines.ts';
import { findNotice, loneFirstItem } from './notice.ts';
import type { Notice } from './notice.ts';
import { splitOneLineOutlines } from './one-line.ts';
import { forMatching, restoreSource } from './script.ts';
import { findTable } from './table.ts';
import { readAttachedList } from './attached-list.ts';
import { findAttachments } from './attachments.ts';
import type { Attachment } from './attachments.ts';
import type { AppendixModel, LeadModel as Lead } from '../model.ts';
import { excerpt } from './text.ts';
import { readMetadata } from './metadata.ts';
import type { PlanMeta } from './metadata.ts';
import { walkOutline } from './outline.ts';

export interface ParseContext {
  readonly planId: string;
  /** File name for error messages; null for text given directly. */
  readonly file: string | null;
  readonly genre: Genre;
  readonly departments: readonly DepartmentEntry[];
  /** Facts recorded for this source in the seeds manifest (mentioned in warnings, never used as findings). */
  readonly knownFacts: Readonly<Record<string, KnownFact>>;
  /**
   * Load a cut text as far as it goes: the element or section the text stops in is marked
   * `truncated`, the plan `complete: false`, and a TRUNCATED warning says where. Without it a cut
   * text is refused (TRUNCATED error).
   */
  readonly partial?: boolean;
}

export interface ParsedDocument extends Omit<PlanMeta, 'warnings' | 'titleSpan'> {
  readonly title: string;
  readonly span: Span;
  readonly preambleSpan: Span | null;
  readonly sections: readonly SectionModel[];
  readonly elements: readonly ElementModel[];
  readonly departments: readonly DepartmentModel[];
  readonly leads: readonly LeadModel[];
  readonly participations: readonly ParticipationModel[];
  readonly appendices: readonly AppendixModel[];
  readonly complete: boolean;
  /** The document's stated rule on who leads among the units of an annotation, or null. */
  readonly responsibilityConvention: ResponsibilityConvention | null;
  readonly warnings: readonly ParseWarning[];
}

export function parseDocument(source: string, ctx: ParseContext): ParsedDocument {
  // Matching reads simplified characters; every offset, quote and stored text is the source's own.
  const text = forMatching(source);
  const index = new LineIndex(text);
  const split = splitOneLineOutlines(text, splitParas(text), ctx.genre);
  const paras = split.paras;
  if (paras.length === 0)
    throw new PlanParseError('EMPTY_INPUT', null, 'a plan text', 'only white space', ctx.file);

  refuseOtherKinds(paras, ctx.genre, ctx.file);
  const notice = findNotice(text, paras, ctx.genre);
  const from = notice === null ? 0 : notice.endIndex + 1;
  // Attachments (附件) are never the body: its outline is looked for before the first one.
  const found = findAttachments(text, paras, from, ctx.genre);
  let before = found.length === 0 ? paras : paras.slice(0, found[0]!.labelIndex);
  let start = findOutlineStart(text, before, ctx.genre, from);
  // A notice or 决定 whose plan is an attached document (附件：…实施方案, then the plan itself):
  // with no outline before the attachment, the attached plan is the body.
  if (start < 0 && found.length > 0 && !found.some((a) => a.kind === 'list')) {
    start = findOutlineStart(text, paras, ctx.genre, found[0]!.labelIndex);
    if (start >= 0) before = paras;
  }
  const lone = start < 0 && notice !== null ? loneFirstItem(text, before, ctx.genre, from) : -1;
  if (lone >= 0) start = lone;
  // A notice whose plan is its attached list (附件: …清单): the list's rows are the tasks.
  const listed = start < 0 && notice !== null ? found : [];
  if (start < 0 && !listed.some((a) => a.kind === 'list')) {
    refuseWithoutOutline(text, paras, index, notice, from, ctx);
  }
  const bodyStart = start >= 0 ? start : listed[0]!.labelIndex;

  const outline =
    start >= 0
      ? walkOutline(text, paras, start, ctx.genre, ctx.file)
      : { roots: [], endIndex: bodyStart, stop: 'back-matter' as const, warnings: [] };
  const after = scanAfterBody(text, before, outline.endIndex, outline.stop, ctx.genre);
  const attachments = start >= 0 ? found.filter((a) => a.labelIndex >= outline.endIndex) : listed;
  refuseSecondPlan(text, paras.slice(0, attachments[0]?.labelIndex ?? paras.length), after.imprintIndex, ctx);
  const meta = readMetadata(
    { text, paras, index, genre: ctx.genre },
    notice,
    bodyStart,
    outline.endIndex,
    ctx.knownFacts,
  );
  const warnings: ParseWarning[] = [
    ...split.warnings,
    ...meta.warnings,
    ...outline.warnings,
    ...after.warnings,
  ];
  if (lone >= 0) {
    warnings.push({
      code: 'ONE_ITEM_ONLY',
      message: `after the notice only item 1 of the plan stands (line ${paras[lone]!.line}), no item 2 follows: the copy may hold just the start of the plan`,
      line: paras[lone]!.line,
    });
  }

  const fallback = planDefaultKind(meta.title, ctx.genre);
  const nodes = splitClosingParas(classifyOutline(text, outline.roots, ctx.genre, fallback), ctx.genre);
  for (const b of guessedKinds(nodes, fallback)) {
    warnings.push({
      code: 'KIND_GUESSED',
      message: `the numbered items under ${b.marker.raw}${headingWords(text, b).slice(0, 20)} are read as tasks: neither their heading nor the plan's title names their kind`,
      line: b.head.line,
    });
  }
  const known = new Set(ctx.departments.map((d) => d.name));
  const convention = findConvention(text, ctx.genre);
  const body = assemble(nodes, {
    text,
    paras,
    index,
    genre: ctx.genre,
    known,
    planId: ctx.planId,
    convention,
  });
  // An attached list's lead column is read by the same convention as the body's annotations.
  const built = withAttachedLists(body, attachments, {
    text,
    paras,
    index,
    genre: ctx.genre,
    known,
    planId: ctx.planId,
    convention: convention === null ? null : { role: ctx.genre.responsibility.otherRole },
  });
  warnings.push(...built.warnings);
  const checked = checkCompleteness({
    text,
    paras,
    index,
    // The body only: an attached list ends with its last row, not a sentence.
    sections: body.sections,
    elements: body.elements,
    facts: body.facts,
    stop: outline.stop,
    file: ctx.file,
    outlineOnOneLine: split.warnings.length > 0,
  });
  warnings.push(...checked.warnings);
  let sections: readonly SectionModel[] = built.sections;
  let elements: readonly ElementModel[] = built.elements;
  const cut = checked.cut;
  if (cut !== null) {
    if (!ctx.partial) throw new PlanParseError('TRUNCATED', cut.line, cut.expected, cut.found, ctx.file);
    warnings.push({
      code: 'TRUNCATED',
      message: `the text stops at line ${cut.line} in ${cut.within}: expected ${cut.expected}, found ${cut.found}; what was read is loaded (partial)`,
      line: cut.line,
    });
    if (cut.target.type === 'element')
      elements = elements.map((e) => (e.id === cut.target.id ? { ...e, truncated: true as const } : e));
    else sections = sections.map((s) => (s.id === cut.target.id ? { ...s, truncated: true as const } : s));
  }
  warnings.push(
    ...checkCoverage({
      paras,
      bodyStart,
      bodyEnd: outline.endIndex,
      sections,
      elements,
      warnings,
    }),
  );

  let title = meta.title;
  let span = meta.titleSpan;
  // A notice whose plan is its attached list: the plan is the list, named by its own title.
  const plan = start < 0 ? attachments.find((a) => a.kind === 'list') : undefined;
  if (plan !== undefined) {
    title = text.slice(plan.titleStart, plan.titleEnd);
    span = index.span(plan.titleStart, plan.titleEnd);
  }
  if (title === null || span === null) {
    title = ctx.file?.replace(/\.[^.]*$/, '') ?? ctx.planId;
    span = index.span(paras[bodyStart]!.start, paras[bodyStart]!.start);
    warnings.push({
      code: 'TITLE_MISSING',
      message: `no title line found; the plan is called "${title}"`,
      line: null,
    });
  }

  const directory = new Map(ctx.departments.map((d) => [d.name, d]));
  const departments: DepartmentModel[] = built.departmentNames.map((name) => ({
    id: `dept/${name}`,
    name,
    fullName: directory.get(name)?.fullName ?? null,
    fullNameSource: directory.get(name)?.source ?? null,
  }));

  // Stable order: by line, then as found.
  const ordered = warnings
    .map((w, k) => ({ w, k }))
    .sort((a, b) => (a.w.line ?? Infinity) - (b.w.line ?? Infinity) || a.k - b.k)
    .map((x) => x.w);

  const doc: ParsedDocument = {
    title,
    span,
    noticeTitle: meta.noticeTitle,
    issuer: meta.issuer,
    issuedDate: meta.issuedDate,
    issuedDateRaw: meta.issuedDateRaw,
    publishedDate: meta.publishedDate,
    approvedBy: meta.approvedBy,
    addressees: meta.addressees,
    copyTo: meta.copyTo,
    preamble: meta.preamble,
    preambleSpan: meta.metaSpans.preamble ?? null,
    metaSpans: meta.metaSpans,
    sections,
    elements,
    departments,
    leads: built.leads,
    participations: built.participations,
    appendices: appendicesOf(attachments, text, paras, index, ctx.planId),
    complete: cut === null,
    responsibilityConvention:
      convention === null
        ? null
        : { rule: convention.rule, span: index.span(convention.start, convention.end) },
    warnings: ordered,
  };
  return text === source ? doc : restoreSource(doc, source, text);
}

/** No outline where the plan should be: a notice alone, a table, or no plan at all. */
function refuseWithoutOutline(
  text: string,
  paras: readonly Para[],
  index: LineIndex,
  notice: Notice | null,
  from: number,
  ctx: ParseContext,
): never {
  const table = findTable(paras, ctx.genre);
  if (table !== null) {
    throw new PlanParseError(
      'TABLE_LAYOUT',
      table.line,
      'a numbered outline (一、 / (一) / 1.); a task table (序号 | 任务 | 责任单位 …) is not read',
      `a table: header ${excerpt(table.text, 30)} with rows numbered 1, 2, … (read it as "1.任务…(牵头单位:X)" lines, or load the table's rows as an outline)`,
      ctx.file,
    );
  }
  if (notice !== null) {
    const first = notice.title ?? paras[notice.startIndex]!;
    const rest = paras.slice(from);
    throw new PlanParseError(
      'NOTICE_ONLY',
      first.line,
      `the plan body after the issuing notice ${excerpt(first.text, 30)} (lines ${first.line}–${paras[notice.endIndex]!.line})`,
      rest.length === 0
        ? 'the end of the text: the page holds the notice only, the plan it issues is missing'
        : `no numbered outline in the ${rest.length} line(s) after it (from ${excerpt(rest[0]!.text)}): the page holds the notice only, the plan it issues is missing`,
      ctx.file,
    );
  }
  throw new PlanParseError(
    'NO_PLAN',
    null,
    'a numbered outline (a line opening with 一、, (一) or 1. followed later by its number 2)',
    `no such line in ${index.lineCount} lines, starting ${JSON.stringify(paras[0]!.text.slice(0, 20))}`,
    ctx.file,
  );
}

/**
 * After the imprint: a second notice or a second outline is a second plan in the same file. It is
 * refused rather than dropped (one plan per file: split the file).
 */
function refuseSecondPlan(
  text: string,
  paras: readonly Para[],
  imprintIndex: number,
  ctx: ParseContext,
): void {
  if (imprintIndex >= paras.length) return;
  const again = findOutlineStart(text, paras, ctx.genre, imprintIndex, true);
  if (again < 0) return;
  const p = paras[again]!;
  throw new PlanParseError(
    'MULTIPLE_PLANS',
    p.line,
    'one plan per file, ending at its imprint or page footer',
    `a second numbered outline at line ${p.line} (${excerpt(p.text)}) after the first plan's end at line ${paras[imprintIndex]!.line}; split the file and load each plan on its own`,
    ctx.file,
  );
}

/**
 * The plan's attached lists (附件: …清单) read as tasks after the body's: a section per list, a
 * task per row. The convention flag is null here: every unit of a lead cell leads.
 */
function withAttachedLists(body: Assembled, attachments: readonly Attachment[], env: ListEnv): Assembled {
  const lists = attachments.filter((a) => a.kind === 'list');
  if (lists.length === 0) return body;
  const sections = [...body.sections];
  const elements = [...body.elements];
  const leads: Lead[] = [...body.leads];
  const participations = [...body.participations];
  const warnings = [...body.warnings];
  const names = [...body.departmentNames];
  const unique = lists.length === 1 && !body.elements.some((e) => e.kind === 'Task');
  let top = body.sections.filter((s) => s.level === 1).length;
  lists.forEach((a, i) => {
    const read = readAttachedList(env, a, {
      ordinal: i + 1,
      number: ++top,
      unique,
      orderFrom: elements.length,
      sectionOrderFrom: sections.length,
    });
    sections.push(...read.sections);
    elements.push(...read.elements);
    leads.push(...read.leads);
    participations.push(...read.participations);
    warnings.push(...read.warnings);
    for (const x of [...read.leads, ...read.participations]) {
      const name = x.departmentId.slice('dept/'.length);
      if (!names.includes(name)) names.push(name);
    }
  });
  return { ...body, sections, elements, leads, participations, warnings, departmentNames: names };
}

/** Attachments that are not lists of tasks, kept beside the plan with their whole text. */
function appendicesOf(
  attachments: readonly Attachment[],
  text: string,
  paras: readonly Para[],
  index: LineIndex,
  planId: string,
): AppendixModel[] {
  return attachments
    .filter((a) => a.kind !== 'list')
    .map((a, i) => {
      const last = paras[Math.max(a.endIndex - 1, a.labelIndex)]!;
      const lines = paras.slice(a.bodyIndex, a.endIndex).map((p) => p.text);
      return {
        id: `${planId}/appendix-${i + 1}`,
        number: i + 1,
        label: a.label,
        title: text.slice(a.titleStart, a.titleEnd),
        kind: a.kind === 'indicators' ? ('indicators' as const) : ('document' as const),
        text: lines.join('\n'),
        span: index.span(paras[a.labelIndex]!.start, last.end),
        titleSpan: index.span(a.titleStart, a.titleEnd),
      };
    });
}
