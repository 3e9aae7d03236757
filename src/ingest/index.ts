/**
 * The ingest pipeline up to the model: a plan file's bytes → text → PlanModel. Pure apart from
 * reading the file: the loader (src/ingest/load) is the only writer of the graph.
 *
 *   readPlanFile(path)            → { text, source }   decode.ts, seeds manifest (plan id, URL)
 *   parsePlan(text, source, opts) → PlanModel          parse/ (outline, metadata) + semantics/
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodePlanBytes } from './decode.ts';
import { loadDepartmentRules, resolveDepartments, type DepartmentRules } from './departments.ts';
import type { PlanModel, SourceInfo } from './model.ts';
import { parseDocument } from './parse/index.ts';
import { findManifestEntry, loadSeedData } from './seed-data.ts';
import type { SeedData } from './seed-data.ts';
import { derivePlanId, type PlanIdFacts } from './plan-id.ts';
import { deriveSemantics } from './semantics/index.ts';
import { findCitations } from './semantics/citations.ts';

export { PlanParseError } from './errors.ts';
export { formatSummary } from './summary.ts';

export interface ParseOptions {
  /** Plan id to use; wins over the seeds manifest and the sha256-derived default. */
  readonly planId?: string;
  /** Seed data to use instead of the project's seeds/ folder (tests, other genres). */
  readonly seeds?: SeedData;
  /** Keep what a cut text holds (complete: false) instead of refusing it with TRUNCATED. */
  readonly partial?: boolean;
  /** Department scopes and aliases to use instead of the project's seeds/ (tests). */
  readonly departmentRules?: DepartmentRules;
}

export interface PlanFile {
  readonly text: string;
  readonly source: SourceInfo;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Reads and decodes a plan file; the seeds manifest supplies the page URL when it knows the file. */
export function readPlanFile(path: string, seeds: SeedData = loadSeedData()): PlanFile {
  const file = basename(path);
  // A missing or unreadable file is the file system's error (ENOENT, EACCES), passed on as it is.
  const bytes: Uint8Array = readFileSync(path);
  const { text, encoding } = decodePlanBytes(bytes, file);
  const hash = sha256(bytes);
  const entry = findManifestEntry(seeds.manifest, { file, sha256: hash });
  return { text, source: { file, sha256: hash, url: entry?.url ?? null, bytes: bytes.length, encoding } };
}

/** SourceInfo for a text given directly (tests, stdin): its UTF-8 bytes are what is hashed. */
export function sourceForText(
  text: string,
  file = 'input.txt',
  seeds: SeedData = loadSeedData(),
): SourceInfo {
  const bytes = new TextEncoder().encode(text);
  const hash = sha256(bytes);
  const entry = findManifestEntry(seeds.manifest, { file, sha256: hash });
  return { file, sha256: hash, url: entry?.url ?? null, bytes: bytes.length, encoding: 'utf-8' };
}

/**
 * The plan id when the text need not be read for it: the option when given, else the seeds
 * manifest's id for this source (by sha256, then file name); null otherwise (see parsePlan).
 */
export function knownPlanId(source: SourceInfo, seeds: SeedData, option?: string): string | null {
  if (option !== undefined) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(option)) {
      throw new RangeError(
        `planId must be lower-case letters, digits and "-", got ${JSON.stringify(option)}`,
      );
    }
    return option;
  }
  return findManifestEntry(seeds.manifest, source)?.planId ?? null;
}

/**
 * The plan id: the option; else the seeds manifest's id; else what the document says (issuer +
 * year + kind, src/ingest/plan-id.ts); else `plan-` and the first 10 hex digits of the sha256.
 */
export function resolvePlanId(
  source: SourceInfo,
  seeds: SeedData,
  option?: string,
  facts?: PlanIdFacts,
): string {
  return (
    knownPlanId(source, seeds, option) ??
    (facts ? derivePlanId(facts) : null) ??
    `plan-${source.sha256.slice(0, 10)}`
  );
}

/** Parses a decoded plan text into the model: outline, metadata, leads, then semantics merged in. */
export function parsePlan(text: string, source: SourceInfo, options: ParseOptions = {}): PlanModel {
  const seeds = options.seeds ?? loadSeedData();
  const entry = findManifestEntry(seeds.manifest, source);
  const parse = (planId: string) =>
    parseDocument(text, {
      planId,
      file: source.file,
      genre: seeds.genre,
      departments: seeds.departments,
      knownFacts: entry?.knownFacts ?? {},
      // A capture the manifest knows to be cut is read as far as it goes.
      partial: options.partial ?? entry?.cut != null,
    });
  const known = knownPlanId(source, seeds, options.planId);
  // Element ids start with the plan id: a document that names its own id is read twice.
  let planId = known ?? `plan-${source.sha256.slice(0, 10)}`;
  let doc = parse(planId);
  if (known === null) {
    const derived = resolvePlanId(source, seeds, undefined, {
      ...doc,
      documentNumber: doc.metaSpans['documentNumber']?.quote ?? null,
    });
    if (derived !== planId) {
      planId = derived;
      doc = parse(planId);
    }
  }
  const sem = deriveSemantics({
    planId,
    text,
    sections: doc.sections,
    elements: doc.elements,
    preambleSpan: doc.preambleSpan,
    sha256: source.sha256,
  });
  // Units as written → departments of the issuer's scope, one node per body (src/ingest/departments.ts).
  const units = resolveDepartments(doc, options.departmentRules ?? loadDepartmentRules());

  const cited = findCitations({
    planId,
    text,
    title: doc.title,
    sections: doc.sections,
    elements: doc.elements,
    preambleSpan: doc.preambleSpan,
  });
  return {
    id: planId,
    title: doc.title,
    noticeTitle: doc.noticeTitle,
    issuer: doc.issuer,
    issuedDate: doc.issuedDate,
    issuedDateRaw: doc.issuedDateRaw,
    publishedDate: doc.publishedDate,
    approvedBy: doc.approvedBy,
    addressees: doc.addressees,
    copyTo: doc.copyTo,
    preamble: doc.preamble,
    source: { ...source, url: source.url ?? entry?.url ?? null },
    span: doc.span,
    metaSpans: doc.metaSpans,
    sections: doc.sections,
    elements: doc.elements,
    departments: units.departments,
    departmentScope: units.scope?.name ?? null,
    leads: units.leads,
    participations: units.participations,
    appendices: doc.appendices,
    complete: doc.complete,
    responsibilityConvention: doc.responsibilityConvention,
    concepts: sem.concepts,
    mentions: sem.mentions,
    problems: sem.problems,
    serves: sem.serves,
    addresses: sem.addresses,
    reviewed: sem.reviewed,
    warnings: [...doc.warnings, ...sem.warnings],
    documents: cited.documents,
    citations: cited.citations,
    documentNumber: cited.documentNumber,
  };
}
