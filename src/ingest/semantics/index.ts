/**
 * Semantics: what the plan's outline means beyond its numbering — concepts and their mentions,
 * the problems it names, and the derived SERVES / ADDRESSES edges.
 *
 * Input is the parsed outline; output is merged into the PlanModel by src/ingest/index.ts.
 */
import type {
  AddressesModel,
  ConceptModel,
  ElementModel,
  MentionModel,
  ParseWarning,
  ProblemModel,
  SectionModel,
  ServesModel,
  Span,
} from '../model.ts';
import { deriveAddresses } from './addresses.ts';
import { findConcepts } from './concepts.ts';
import { loadGlossary, type Glossary } from './glossary.ts';
import { findLinks, type CuratedLinks } from './links.ts';
import { documentUnits, PhraseStats } from './phrases.ts';
import { findProblems } from './problems.ts';
import { deriveServes, type EdgeContext } from './serves.ts';
import { LineIndex, Outline } from './spans.ts';

export interface SemanticsInput {
  readonly planId: string;
  /** The whole decoded source text; spans index into it. */
  readonly text: string;
  readonly sections: readonly SectionModel[];
  readonly elements: readonly ElementModel[];
  /** Preamble span (text before the first section), null if none: mentions there belong to the plan. */
  readonly preambleSpan: Span | null;
  /** sha256 of the source bytes: how a reviewed links file names the texts it was reviewed on. */
  readonly sha256?: string;
}

/** Which reviewed links the plan's derived edges rest on, if any (Plan.reviewedLinks). */
export interface ReviewedLinks {
  /** seeds/links/… file, null when no file applies to this text. */
  readonly file: string | null;
  readonly matchedBy: 'sha256' | 'quotes' | null;
  /** Reviewed SERVES and ADDRESSES links applied. */
  readonly serves: number;
  readonly addresses: number;
}

export interface Semantics {
  readonly concepts: readonly ConceptModel[];
  readonly mentions: readonly MentionModel[];
  readonly problems: readonly ProblemModel[];
  readonly serves: readonly ServesModel[];
  readonly addresses: readonly AddressesModel[];
  readonly reviewed: ReviewedLinks;
  readonly warnings: readonly ParseWarning[];
}

/**
 * The plan's semantics from the repository's glossary and the reviewed links that fit its text
 * (matched by sha256 or by quotes, never by the plan's id: see links.ts).
 */
export function deriveSemantics(input: SemanticsInput): Semantics {
  const links = findLinks({
    planId: input.planId,
    sha256: input.sha256 ?? null,
    text: input.text,
    elements: input.elements,
  });
  return deriveSemanticsWith(input, { glossary: loadGlossary(), links });
}

/** The data the derivation reads: words in the glossary, reviewed edges in the links file. */
export interface SemanticsData {
  readonly glossary: Glossary;
  readonly links: CuratedLinks;
}

/** Same as deriveSemantics with the data given (another glossary, no curated links, …). */
export function deriveSemanticsWith(input: SemanticsInput, data: SemanticsData): Semantics {
  const lines = new LineIndex(input.text);
  const outline = new Outline(input);
  const found = findConcepts(input.text, outline, lines, data.glossary);
  const problems = findProblems(input.planId, input.text, outline, lines, data.glossary.problemCues);
  const units = documentUnits(input);
  const ctx: EdgeContext = {
    text: input.text,
    lines,
    elements: input.elements,
    mentions: found.mentions,
    stats: new PhraseStats(input.text, units, data.glossary.phrases),
    unitOf: unitResolver(input),
    links: data.links,
  };
  return {
    concepts: found.concepts,
    mentions: found.mentions,
    problems: problems.problems.map((p) => p.model),
    serves: deriveServes(ctx),
    addresses: deriveAddresses(ctx, problems.problems),
    reviewed: {
      file: data.links.serves.length + data.links.addresses.length > 0 ? data.links.file : null,
      matchedBy: data.links.matchedBy,
      serves: data.links.serves.length,
      addresses: data.links.addresses.length,
    },
    warnings: [...found.warnings, ...problems.warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

/** Sub-items count as part of their top-level element; everything else is its own unit. */
function unitResolver(input: SemanticsInput): (id: string) => string {
  const parent = new Map(input.elements.map((e) => [e.id, e.parentId]));
  return (id) => {
    let current = id;
    for (let p = parent.get(current); p; p = parent.get(current)) current = p;
    return current;
  };
}
