/**
 * The words around citations (seeds/documents.json): lead words cut off a document number's
 * prefix, the abbreviation cue (以下简称), and the bodies and ends of named meetings. The shapes
 * themselves live in citations.ts.
 */
import {
  checkKeys,
  isRecord,
  nonEmptyString,
  readSeedJson,
  seedError,
  seedPath,
  stringArray,
} from './seed-json.ts';

export interface CitationWords {
  /** Words that may stand just before a number's issuer code ("根据国发〔…〕" → 国发). */
  readonly numberLeadWords: readonly string[];
  /** "以下简称": what follows names the short form the text uses afterwards. */
  readonly abbreviationWords: readonly string[];
  /** "党的": prefix of the Party's congresses and plenums, added to a plenum cited without it. */
  readonly party: string;
  /** Bodies whose sessions are cited as N届N次全委会议. */
  readonly meetingBodies: readonly string[];
  readonly meetingBodyEnds: readonly string[];
  /** 全国…大会, 中央…工作会议. */
  readonly nationalMeetingPrefixes: readonly string[];
  readonly nationalMeetingEnds: readonly string[];
}

export const CITATION_WORDS_FILE = 'seeds/documents.json';

const KEYS = [
  '$comment',
  'numberLeadWords',
  'abbreviationWords',
  'party',
  'meetingBodies',
  'meetingBodyEnds',
  'nationalMeetingPrefixes',
  'nationalMeetingEnds',
] as const;

let cached: CitationWords | null = null;

/** The repository's citation words, read and validated once per process. */
export function loadCitationWords(): CitationWords {
  cached ??= parseCitationWords(readSeedJson(seedPath('documents.json'), CITATION_WORDS_FILE));
  return cached;
}

export function parseCitationWords(raw: unknown): CitationWords {
  const file = CITATION_WORDS_FILE;
  if (!isRecord(raw)) throw seedError(file, '(top level)', 'an object', raw);
  checkKeys(file, '(top level)', raw, KEYS);
  const list = (key: (typeof KEYS)[number]) => {
    const words = stringArray(file, key, raw[key]);
    if (words.length === 0) throw seedError(file, key, 'a non-empty array of strings', raw[key]);
    return words;
  };
  return {
    numberLeadWords: list('numberLeadWords'),
    abbreviationWords: list('abbreviationWords'),
    party: nonEmptyString(file, 'party', raw['party']),
    meetingBodies: list('meetingBodies'),
    meetingBodyEnds: list('meetingBodyEnds'),
    nationalMeetingPrefixes: list('nationalMeetingPrefixes'),
    nationalMeetingEnds: list('nationalMeetingEnds'),
  };
}
