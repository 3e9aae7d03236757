/**
 * The glossary (seeds/glossary.json): the plans' named concepts, and the few words the semantic
 * rules need (problem-count cues, phrase trimming). Code knows shapes; this file holds the words.
 *
 * Validation is strict because a silent mistake here changes the graph: every entry needs a name
 * and a kind, a definition needs a source (a definition without one would read as invented), and a
 * name or alias may belong to one concept only (else the same text would mean two things).
 */
import {
  checkKeys,
  isRecord,
  nonEmptyString,
  readSeedJson,
  seedError,
  seedErrorText,
  seedPath,
  stringArray,
  stringOrNull,
} from './seed-json.ts';

/** Kind given to concepts found only between quotes, never used by a glossary entry. */
export const QUOTED_TERM_KIND = 'quoted-term';

export interface GlossaryEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: string;
  readonly gloss: string | null;
  readonly definition: string | null;
  readonly definitionSource: string | null;
  /** For curators only (why a definition is null, what is known); not loaded into the graph. */
  readonly note: string | null;
}

/** "…”等四方面问题": a quoted list of problems followed by a lead word, a count and a counter. */
export interface ProblemCues {
  /** Words between the closing quote and the count: "等". */
  readonly lead: readonly string[];
  /** What follows the count: "方面问题", "个问题", … */
  readonly counters: readonly string[];
}

export interface PhraseRules {
  /** Function characters trimmed from both ends of a shared phrase ("的", "和", …). */
  readonly trimChars: string;
  /** Phrases never used as evidence, on top of those dropped for being too common. */
  readonly stopPhrases: readonly string[];
}

export interface Glossary {
  readonly concepts: readonly GlossaryEntry[];
  readonly problemCues: ProblemCues;
  readonly phrases: PhraseRules;
}

export const GLOSSARY_FILE = 'seeds/glossary.json';

let cached: Glossary | null = null;

/** The repository's glossary, read and validated once per process. */
export function loadGlossary(): Glossary {
  cached ??= parseGlossary(readSeedJson(seedPath('glossary.json'), GLOSSARY_FILE));
  return cached;
}

/** Validates parsed JSON as a glossary; throws PlanParseError (BAD_SEED_DATA) naming the entry and field. */
export function parseGlossary(json: unknown, file = GLOSSARY_FILE): Glossary {
  if (!isRecord(json)) throw seedError(file, '(top level)', 'an object', json);
  checkKeys(file, '(top level)', json, ['$comment', 'concepts', 'problemCues', 'phrases']);
  if (!Array.isArray(json['concepts'])) throw seedError(file, 'concepts', 'an array', json['concepts']);
  const concepts = json['concepts'].map((raw, i) => parseEntry(file, i, raw));
  checkUniqueSurfaces(file, concepts);
  return {
    concepts,
    problemCues: parseCues(file, json['problemCues']),
    phrases: parsePhraseRules(file, json['phrases']),
  };
}

function parseEntry(file: string, i: number, raw: unknown): GlossaryEntry {
  const at = `concepts[${i}]`;
  if (!isRecord(raw)) throw seedError(file, at, 'an object', raw);
  const where = typeof raw['name'] === 'string' && raw['name'] !== '' ? `${at} (${raw['name']})` : at;
  checkKeys(file, where, raw, ['name', 'aliases', 'kind', 'gloss', 'definition', 'definitionSource', 'note']);
  const name = nonEmptyString(file, `${where}.name`, raw['name']);
  const aliases = raw['aliases'] === undefined ? [] : stringArray(file, `${where}.aliases`, raw['aliases']);
  const kind = nonEmptyString(file, `${where}.kind`, raw['kind']);
  if (kind === QUOTED_TERM_KIND) {
    throw seedError(
      file,
      `${where}.kind`,
      `a kind other than "${QUOTED_TERM_KIND}" (reserved for terms missing from the glossary)`,
      kind,
    );
  }
  const gloss = stringOrNull(file, `${where}.gloss`, raw['gloss'] ?? null);
  const definition = stringOrNull(file, `${where}.definition`, raw['definition'] ?? null);
  const definitionSource = stringOrNull(file, `${where}.definitionSource`, raw['definitionSource'] ?? null);
  if (definition !== null && definitionSource === null) {
    throw seedError(
      file,
      `${where}.definitionSource`,
      'a URL or citation, since a definition is given (definitions are never invented)',
      null,
    );
  }
  if (definition === null && definitionSource !== null) {
    throw seedError(
      file,
      `${where}.definition`,
      'given, since definitionSource is (or drop the source)',
      null,
    );
  }
  const note = stringOrNull(file, `${where}.note`, raw['note'] ?? null);
  return { name, aliases, kind, gloss, definition, definitionSource, note };
}

/** Each name and alias must belong to exactly one entry, once. */
function checkUniqueSurfaces(file: string, entries: readonly GlossaryEntry[]): void {
  const owner = new Map<string, string>();
  entries.forEach((entry, i) => {
    for (const surface of [entry.name, ...entry.aliases]) {
      const previous = owner.get(surface);
      if (previous !== undefined) {
        throw seedErrorText(
          file,
          `concepts[${i}] (${entry.name})`,
          'the only concept with each of its names and aliases',
          `"${surface}" already used by "${previous}"`,
        );
      }
      owner.set(surface, entry.name);
    }
  });
}

function parseCues(file: string, raw: unknown): ProblemCues {
  if (!isRecord(raw)) throw seedError(file, 'problemCues', 'an object with lead and counters', raw);
  checkKeys(file, 'problemCues', raw, ['lead', 'counters']);
  return {
    lead: stringArray(file, 'problemCues.lead', raw['lead']),
    counters: stringArray(file, 'problemCues.counters', raw['counters']),
  };
}

function parsePhraseRules(file: string, raw: unknown): PhraseRules {
  if (!isRecord(raw)) throw seedError(file, 'phrases', 'an object with trimChars and stopPhrases', raw);
  checkKeys(file, 'phrases', raw, ['trimChars', 'stopPhrases']);
  const trimChars = raw['trimChars'];
  if (typeof trimChars !== 'string')
    throw seedError(file, 'phrases.trimChars', 'a string of characters', trimChars);
  return { trimChars, stopPhrases: stringArray(file, 'phrases.stopPhrases', raw['stopPhrases']) };
}
