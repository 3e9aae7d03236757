/**
 * PlanModel → the parameter rows of the load statements. Pure: no database, so the exact
 * properties the graph will hold are testable without one.
 *
 * Every node and relationship that comes from the text carries its span as flat properties
 * (start, end, line, quote): Neo4j properties cannot be maps, and flat ones are what the
 * provenance check and the API read.
 */
import type { EvidenceModel, PlanModel, Span } from '../model.ts';
import { planYear } from '../plan-id.ts';
import { planCiteTitles } from '../semantics/citations.ts';
import { LOADER_VERSION } from './version.ts';

type Props = Record<string, unknown>;

function spanProps(span: Span, prefix = ''): Props {
  const key = (k: string) => (prefix === '' ? k : `${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`);
  return {
    [key('start')]: span.start,
    [key('end')]: span.end,
    [key('line')]: span.line,
    [key('quote')]: span.quote,
  };
}

/** Evidence lists go as JSON (nested maps are not property values); the best one also flat. */
function evidenceProps(evidence: readonly EvidenceModel[]): Props {
  const best = evidence[0];
  return {
    phrase: best?.phrase ?? null,
    ...(best ? spanProps(best.fromSpan) : {}),
    ...(best ? spanProps(best.toSpan, 'target') : {}),
    evidenceCount: evidence.length,
    evidenceJson: JSON.stringify(evidence),
  };
}

export interface LoadRows {
  readonly planId: string;
  readonly plan: Props;
  readonly sections: Props[];
  readonly elements: Props[];
  readonly subItems: Props[];
  readonly departments: Props[];
  readonly leads: Props[];
  readonly participations: Props[];
  readonly concepts: Props[];
  readonly mentions: Props[];
  readonly problems: Props[];
  readonly serves: Props[];
  readonly addresses: Props[];
  readonly documents: Props[];
  readonly cites: Props[];
}

/** `loadedAt`: when the graph first held this text (kept across reloads of the same source). */
export function toRows(model: PlanModel, loadedAt: string | null = null): LoadRows {
  const planId = model.id;
  const plan: Props = {
    id: planId,
    planId,
    title: model.title,
    noticeTitle: model.noticeTitle,
    issuer: model.issuer,
    issuedDate: model.issuedDate,
    issuedDateRaw: model.issuedDateRaw,
    publishedDate: model.publishedDate,
    approvedBy: model.approvedBy,
    addressees: [...model.addressees],
    copyTo: [...model.copyTo],
    text: model.preamble,
    sourceFile: model.source.file,
    sha256: model.source.sha256,
    sourceUrl: model.source.url,
    sourceBytes: model.source.bytes,
    encoding: model.source.encoding,
    loaderVersion: LOADER_VERSION,
    complete: model.complete,
    loadedAt,
    year: planYear(model),
    reviewedLinks: model.reviewed.serves + model.reviewed.addresses,
    reviewedLinksFile: model.reviewed.file,
    reviewedLinksMatchedBy: model.reviewed.matchedBy,
    metaSpansJson: JSON.stringify(model.metaSpans),
    warningsJson: JSON.stringify(model.warnings),
    responsibilityConventionJson:
      model.responsibilityConvention === null ? null : JSON.stringify(model.responsibilityConvention),
    // Attachments kept beside the plan (an appendix of indicators): read whole, never queried inside.
    appendicesJson: JSON.stringify(model.appendices),
    ...spanProps(model.span),
    // How other plans may cite this one: its document number and titles (load-resolve-documents).
    documentNumber: model.documentNumber ?? null,
    citeTitles: planCiteTitles(model),
  };

  const sections = model.sections.map((s) => ({
    parentId: s.parentId ?? planId,
    order: s.number,
    props: {
      id: s.id,
      planId,
      level: s.level,
      number: s.number,
      marker: s.marker,
      title: s.title,
      text: s.text,
      itemKind: s.itemKind,
      parentId: s.parentId,
      order: s.order,
      ...spanProps(s.span),
      ...(s.textSpan ? spanProps(s.textSpan, 'text') : {}),
      // Text after the section's last item ("以上10项改革任务,由各牵头部门…").
      closingText: s.closingText ?? null,
      ...(s.closingSpan ? spanProps(s.closingSpan, 'closing') : {}),
      truncated: s.truncated ?? false,
    },
  }));

  const elementProps = (e: PlanModel['elements'][number]): Props => ({
    id: e.id,
    planId,
    kind: e.kind,
    number: e.number,
    marker: e.marker,
    title: e.title,
    text: e.text,
    sectionId: e.sectionId,
    parentId: e.parentId,
    order: e.order,
    ...spanProps(e.span),
    ...spanProps(e.titleSpan, 'title'),
    ...(e.textSpan ? spanProps(e.textSpan, 'text') : {}),
    truncated: e.truncated ?? false,
    // A schedule step's period: its dates (ISO, either may be null) and its words in the source.
    ...(e.period
      ? { periodFrom: e.period.from, periodTo: e.period.to, ...spanProps(e.period.span, 'period') }
      : {}),
    // A task from an attached list's row: its other columns (推广范围, 完成时限) as written.
    ...(e.columns ? { columnsJson: JSON.stringify(e.columns) } : {}),
  });
  const elements = model.elements
    .filter((e) => e.kind !== 'SubItem')
    .map((e) => ({ kind: e.kind, parentId: e.sectionId, order: e.number, props: elementProps(e) }));
  const subItems = model.elements
    .filter((e) => e.kind === 'SubItem')
    .map((e) => ({ parentId: e.parentId, order: e.number, props: elementProps(e) }));

  const departments = model.departments.map((d) => ({
    id: d.id,
    props: {
      name: d.name,
      fullName: d.fullName,
      fullNameSource: d.fullNameSource,
      scope: d.scope,
      aliases: [...d.aliases],
    },
  }));
  // Each edge keeps the unit's name as this plan writes it (发展改革委), whatever node it resolved to.
  const leads = model.leads.map((l) => ({
    departmentId: l.departmentId,
    taskId: l.taskId,
    props: {
      id: `${l.departmentId}>LEADS>${l.taskId}`,
      planId,
      name: l.span.quote,
      ...spanProps(l.span),
    },
  }));

  const participations = model.participations.map((p) => ({
    departmentId: p.departmentId,
    taskId: p.taskId,
    props: {
      id: `${p.departmentId}>PARTICIPATES>${p.taskId}`,
      planId,
      role: p.role,
      name: p.span.quote,
      ...spanProps(p.span),
    },
  }));

  const concepts = model.concepts.map((c) => ({
    id: c.id,
    props: {
      name: c.name,
      aliases: [...c.aliases],
      // One string of every name, so the full-text index finds a concept by any of them.
      aliasText: [c.name, ...c.aliases].join(' '),
      kind: c.kind,
      gloss: c.gloss,
      definition: c.definition,
      definitionSource: c.definitionSource,
      inGlossary: c.inGlossary,
    },
  }));
  const mentions = model.mentions.map((m) => ({
    elementId: m.elementId,
    conceptId: m.conceptId,
    props: {
      id: `${m.elementId}>MENTIONS>${m.conceptId}@${m.span.start}`,
      planId,
      ...spanProps(m.span),
    },
  }));

  const problems = model.problems.map((p) => ({
    statedInId: p.statedInId,
    props: {
      id: p.id,
      planId,
      number: p.number,
      name: p.name,
      title: p.name,
      text: p.text,
      statedInId: p.statedInId,
      ...spanProps(p.span),
    },
  }));
  const serves = model.serves.map((s) => ({
    taskId: s.taskId,
    goalId: s.goalId,
    props: {
      id: `${s.taskId}>SERVES>${s.goalId}`,
      planId,
      basis: s.basis,
      score: s.score,
      rationale: s.rationale,
      ...evidenceProps(s.evidence),
    },
  }));
  const addresses = model.addresses.map((a) => ({
    elementId: a.elementId,
    problemId: a.problemId,
    props: {
      id: `${a.elementId}>ADDRESSES>${a.problemId}`,
      planId,
      basis: a.basis,
      score: a.score,
      rationale: a.rationale,
      ...evidenceProps(a.evidence),
    },
  }));

  return {
    planId,
    plan,
    sections,
    elements,
    subItems,
    departments,
    leads,
    participations,
    concepts,
    mentions,
    problems,
    serves,
    addresses,
    ...citationRows(model),
  };
}

/** Documents cited (shared, merged by id) and the CITES edges, with the citation's span. */
function citationRows(model: PlanModel): { documents: Props[]; cites: Props[] } {
  const documents = (model.documents ?? []).map((d) => ({
    id: d.id,
    form: d.form,
    title: d.title,
    documentNumber: d.number,
  }));
  const cites = (model.citations ?? []).map((c) => ({
    elementId: c.elementId,
    documentId: c.documentId,
    props: {
      id: `${c.elementId}>CITES>${c.documentId}@${c.span.start}`,
      planId: model.id,
      ...spanProps(c.span),
    },
  }));
  return { documents, cites };
}
