/**
 * Concepts and their mentions.
 *
 * A plan's concepts are the glossary entries it mentions (by name or alias, quoted or not) and every
 * quoted term it uses (see quotes.ts); a quoted term the glossary lacks becomes a concept of kind
 * "quoted-term" and a CONCEPT_NOT_IN_GLOSSARY warning, so that a curator sees it. Concepts are listed
 * in order of first mention; glossary entries the plan never mentions are left out.
 *
 * Mentions: the body is scanned left to right; at each position the longest name or alias starting
 * there wins and the scan resumes after it, so overlapping aliases never count the same text twice
 * ("科普中国·百城千校万村行动" is one mention, not also one of "科普中国"). Each mention belongs to the
 * innermost part of the outline holding it (Outline.innermost); text outside the body yields none.
 */
import type { ConceptModel, MentionModel, ParseWarning } from '../model.ts';
import { GLOSSARY_FILE, QUOTED_TERM_KIND, type Glossary } from './glossary.ts';
import { findQuotes, isTerm } from './quotes.ts';
import type { LineIndex, Outline } from './spans.ts';

export interface ConceptResult {
  readonly concepts: readonly ConceptModel[];
  readonly mentions: readonly MentionModel[];
  readonly warnings: readonly ParseWarning[];
}

export function conceptId(name: string): string {
  return `concept/${name}`;
}

export function findConcepts(
  text: string,
  outline: Outline,
  lines: LineIndex,
  glossary: Glossary,
): ConceptResult {
  const known = new Map<string, ConceptModel>();
  const surfaces = new Map<string, ConceptModel>();
  for (const entry of glossary.concepts) {
    const concept: ConceptModel = {
      id: conceptId(entry.name),
      name: entry.name,
      aliases: entry.aliases,
      kind: entry.kind,
      gloss: entry.gloss,
      definition: entry.definition,
      definitionSource: entry.definitionSource,
      inGlossary: true,
    };
    known.set(concept.id, concept);
    for (const surface of [entry.name, ...entry.aliases]) surfaces.set(surface, concept);
  }

  const warnings: ParseWarning[] = [];
  for (const quote of findQuotes(text, outline.bodyStart, outline.bodyEnd)) {
    if (!isTerm(quote.inner) || surfaces.has(quote.inner)) continue;
    if (outline.innermost(quote.innerStart, quote.innerEnd) === null) continue;
    const concept: ConceptModel = {
      id: conceptId(quote.inner),
      name: quote.inner,
      aliases: [],
      kind: QUOTED_TERM_KIND,
      gloss: null,
      definition: null,
      definitionSource: null,
      inGlossary: false,
    };
    surfaces.set(quote.inner, concept);
    const line = lines.lineOf(quote.innerStart);
    warnings.push({
      code: 'CONCEPT_NOT_IN_GLOSSARY',
      message: `line ${line}: quoted term “${quote.inner}” is not in ${GLOSSARY_FILE}; kept as a concept of kind "${QUOTED_TERM_KIND}" with no gloss or definition`,
      line,
    });
  }

  const mentions = scanMentions(text, outline, lines, surfaces);
  const firstMention = new Map<string, number>();
  for (const m of mentions) if (!firstMention.has(m.conceptId)) firstMention.set(m.conceptId, m.span.start);
  const concepts = [...new Set(surfaces.values())]
    .filter((c) => firstMention.has(c.id))
    .sort((a, b) => firstMention.get(a.id)! - firstMention.get(b.id)!);
  return { concepts, mentions, warnings };
}

/** Leftmost-longest scan of the body for every surface form. */
function scanMentions(
  text: string,
  outline: Outline,
  lines: LineIndex,
  surfaces: ReadonlyMap<string, ConceptModel>,
): MentionModel[] {
  // Keyed by the first UTF-16 unit's code: no string is made per position of the body.
  const byFirstChar = new Map<number, string[]>();
  for (const surface of surfaces.keys()) {
    const list = byFirstChar.get(surface.charCodeAt(0)) ?? [];
    list.push(surface);
    byFirstChar.set(surface.charCodeAt(0), list);
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.length - a.length);

  const mentions: MentionModel[] = [];
  let pos = outline.bodyStart;
  while (pos < outline.bodyEnd) {
    const surface = byFirstChar
      .get(text.charCodeAt(pos))
      ?.find((s) => text.startsWith(s, pos) && pos + s.length <= outline.bodyEnd);
    if (!surface) {
      pos++;
      continue;
    }
    const end = pos + surface.length;
    const elementId = outline.innermost(pos, end);
    if (elementId !== null) {
      mentions.push({ elementId, conceptId: surfaces.get(surface)!.id, span: lines.span(pos, end) });
    }
    pos = end;
  }
  return mentions;
}
