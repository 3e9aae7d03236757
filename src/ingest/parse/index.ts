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
import type { DepartmentModel, ElementModel, LeadModel, ParseWarning, SectionModel, Span } from '../model.ts';
import type { DepartmentEntry, Genre, KnownFact } from '../seed-data.ts';
import { scanAfterBody } from './after-body.ts';
import { assemble } from './assemble.ts';
import { checkCompleteness } from './checks.ts';
import { findOutlineStart } from './chrome.ts';
import { classifyOutline, planDefaultKind } from './classify.ts';
import { checkCoverage } from './coverage.ts';
import { LineIndex, splitParas } from './lines.ts';
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
}

export interface ParsedDocument extends Omit<PlanMeta, 'warnings' | 'titleSpan'> {
  readonly title: string;
  readonly span: Span;
  readonly preambleSpan: Span | null;
  readonly sections: readonly SectionModel[];
  readonly elements: readonly ElementModel[];
  readonly departments: readonly DepartmentModel[];
  readonly leads: readonly LeadModel[];
  readonly warnings: readonly ParseWarning[];
}

export function parseDocument(text: string, ctx: ParseContext): ParsedDocument {
  const paras = splitParas(text);
  const index = new LineIndex(text);
  if (paras.length === 0)
    throw new PlanParseError('EMPTY_INPUT', null, 'a plan text', 'only white space', ctx.file);

  const start = findOutlineStart(text, paras, ctx.genre);
  if (start < 0) {
    throw new PlanParseError(
      'NO_PLAN',
      null,
      'a numbered outline (a line opening with 一、, (一) or 1. followed later by its number 2)',
      `no such line in ${index.lineCount} lines, starting ${JSON.stringify(paras[0]!.text.slice(0, 20))}`,
      ctx.file,
    );
  }

  const outline = walkOutline(text, paras, start, ctx.genre, ctx.file);
  const after = scanAfterBody(text, paras, outline.endIndex, outline.stop, ctx.genre);
  const meta = readMetadata(
    { text, paras, index, genre: ctx.genre },
    start,
    outline.endIndex,
    ctx.knownFacts,
  );
  const warnings: ParseWarning[] = [...meta.warnings, ...outline.warnings, ...after.warnings];

  const nodes = classifyOutline(text, outline.roots, ctx.genre, planDefaultKind(meta.title, ctx.genre));
  const known = new Set(ctx.departments.map((d) => d.name));
  const built = assemble(nodes, { text, paras, index, genre: ctx.genre, known, planId: ctx.planId });
  warnings.push(...built.warnings);
  warnings.push(
    ...checkCompleteness({
      text,
      paras,
      index,
      sections: built.sections,
      elements: built.elements,
      facts: built.facts,
      stop: outline.stop,
      file: ctx.file,
    }),
  );
  warnings.push(
    ...checkCoverage({
      paras,
      bodyStart: start,
      bodyEnd: outline.endIndex,
      sections: built.sections,
      elements: built.elements,
      warnings,
    }),
  );

  let title = meta.title;
  let span = meta.titleSpan;
  if (title === null || span === null) {
    title = ctx.file?.replace(/\.[^.]*$/, '') ?? ctx.planId;
    span = index.span(paras[start]!.start, paras[start]!.start);
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

  return {
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
    sections: built.sections,
    elements: built.elements,
    departments,
    leads: built.leads,
    warnings: ordered,
  };
}
