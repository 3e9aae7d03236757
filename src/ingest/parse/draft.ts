/**
 * Working shapes shared by the assembly stages: the environment they read and an element before
 * it has its id.
 */
import type { ElementKind } from '../model.ts';
import type { Genre } from '../seed-data.ts';
import type { Convention } from './convention.ts';
import type { LeadMarker } from './leads.ts';
import type { LineIndex, Para } from './lines.ts';
import type { Marker } from './markers.ts';
import type { Block } from './outline.ts';
import type { FoundPeriod } from './periods.ts';

export interface Env {
  readonly text: string;
  readonly paras: readonly Para[];
  readonly index: LineIndex;
  readonly genre: Genre;
  /** Unit names seeds/departments.json knows (they are never split at 和/及). */
  readonly known: ReadonlySet<string>;
  readonly planId: string;
  /** The document's stated convention on who leads among listed units, or null. */
  readonly convention: Convention | null;
}

export interface ElementFacts {
  readonly hasLead: boolean;
  /** The sub-item cue was written but no numbered sub-item follows it. */
  readonly emptyCue: boolean;
  /** Offset where the element's text ends (for TRUNCATED lines). */
  readonly textEnd: number;
}

/** An element before ids are given: offsets only. */
export interface Draft {
  readonly kind: ElementKind;
  readonly number: number;
  readonly marker: Marker;
  readonly sectionId: string;
  readonly parent: Draft | null;
  readonly span: readonly [number, number];
  readonly textRange: readonly [number, number];
  readonly titleRange: readonly [number, number];
  readonly lead: LeadMarker | null;
  /** Further annotations of the same task (inside its text, on its sub-items). */
  readonly more?: readonly LeadMarker[];
  readonly facts: Omit<ElementFacts, 'textEnd'>;
  /** A schedule step's period, when its words state one. */
  period?: FoundPeriod;
  id?: string;
}

/** What a stage says of a new draft; the later fields (period, id) are filled in afterwards. */
export type DraftFields = Omit<Draft, 'period' | 'id'>;

/**
 * A new draft with every field present, always in one order: all drafts of a plan then share one
 * hidden class, so the stages that read thousands of them (ids, leads, checks) read one shape.
 */
export function newDraft(f: DraftFields): Draft {
  return {
    kind: f.kind,
    number: f.number,
    marker: f.marker,
    sectionId: f.sectionId,
    parent: f.parent,
    span: f.span,
    textRange: f.textRange,
    titleRange: f.titleRange,
    lead: f.lead,
    more: f.more,
    facts: f.facts,
    period: undefined,
    id: undefined,
  };
}

/** Every paragraph of a block, its own before its children's, in text order. */
export function subtreeParas(b: Block): Para[] {
  return [b.head, ...b.paras, ...b.children.flatMap(subtreeParas)];
}

/**
 * Text of [start, end) as paragraphs: the raw lines joined by "\n", blank lines dropped. The
 * paragraphs are in text order, so the first one is found by bisection: linear in the plan overall.
 */
export function joined(env: Env, start: number, end: number): string {
  const paras = env.paras;
  let lo = 0;
  let hi = paras.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paras[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const parts: string[] = [];
  for (let k = lo; k < paras.length && paras[k]!.start < end; k++) {
    const p = paras[k]!;
    if (p.end <= start) continue;
    parts.push(env.text.slice(Math.max(p.start, start), Math.min(p.end, end)));
  }
  return parts.join('\n').trim();
}
