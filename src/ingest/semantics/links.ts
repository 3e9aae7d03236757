/**
 * Curated edges (seeds/links/<planId>.json): SERVES and ADDRESSES links a reviewer vouches for
 * where the automatic rules miss an obvious one. Each carries a rationale and quotes from both
 * ends; a quote is located by searching it in its end's text (first occurrence), and a quote that
 * is not there stops the load: a curated link whose evidence is not in the text is a broken link.
 */
import type { ElementModel, ProblemModel, Span } from '../model.ts';
import { checkKeys, isRecord, nonEmptyString, readSeedJson, seedError, seedPath, show } from './seed-json.ts';
import { PlanParseError } from '../errors.ts';
import type { LineIndex } from './spans.ts';

export interface CuratedQuote {
  readonly phrase: string;
  /** Quote on the source end (the task, the addressing element). */
  readonly fromQuote: string;
  /** Quote on the target end (the goal, the problem). */
  readonly toQuote: string;
}

export interface CuratedLink {
  readonly from: string;
  readonly to: string;
  readonly rationale: string;
  readonly evidence: readonly CuratedQuote[];
  /** JSON path of the entry, for error messages. */
  readonly where: string;
}

export interface CuratedLinks {
  readonly file: string;
  readonly serves: readonly CuratedLink[];
  readonly addresses: readonly CuratedLink[];
}

export const NO_LINKS: CuratedLinks = { file: '(none)', serves: [], addresses: [] };

/** The plan's curated links, or none when it has no file. */
export function loadLinks(planId: string): CuratedLinks {
  const file = `seeds/links/${planId}.json`;
  const json = readSeedJson(seedPath(`links/${planId}.json`), file, true);
  return json === null ? { ...NO_LINKS, file } : parseLinks(json, planId, file);
}

export function parseLinks(json: unknown, planId: string, file: string): CuratedLinks {
  if (!isRecord(json)) throw seedError(file, '(top level)', 'an object', json);
  checkKeys(file, '(top level)', json, ['$comment', 'plan', 'serves', 'addresses']);
  if (json['plan'] !== planId) throw seedError(file, 'plan', `"${planId}"`, json['plan']);
  return {
    file,
    serves: list(file, json, 'serves', ['task', 'goal'], ['taskQuote', 'goalQuote']),
    addresses: list(file, json, 'addresses', ['element', 'problem'], ['elementQuote', 'problemQuote']),
  };
}

function list(
  file: string,
  json: Record<string, unknown>,
  key: string,
  [fromKey, toKey]: readonly [string, string],
  [fromQuoteKey, toQuoteKey]: readonly [string, string],
): CuratedLink[] {
  const raw = json[key] ?? [];
  if (!Array.isArray(raw)) throw seedError(file, key, 'an array', raw);
  return raw.map((entry, i) => {
    const where = `${key}[${i}]`;
    if (!isRecord(entry)) throw seedError(file, where, 'an object', entry);
    checkKeys(file, where, entry, [fromKey, toKey, 'rationale', 'evidence']);
    const evidence = entry['evidence'];
    if (!Array.isArray(evidence) || evidence.length === 0) {
      throw seedError(file, `${where}.evidence`, 'a non-empty array of quotes', evidence);
    }
    return {
      from: nonEmptyString(file, `${where}.${fromKey}`, entry[fromKey]),
      to: nonEmptyString(file, `${where}.${toKey}`, entry[toKey]),
      rationale: nonEmptyString(file, `${where}.rationale`, entry['rationale']),
      where,
      evidence: evidence.map((q, j) => {
        const at = `${where}.evidence[${j}]`;
        if (!isRecord(q)) throw seedError(file, at, 'an object', q);
        checkKeys(file, at, q, ['phrase', fromQuoteKey, toQuoteKey]);
        return {
          phrase: nonEmptyString(file, `${at}.phrase`, q['phrase']),
          fromQuote: nonEmptyString(file, `${at}.${fromQuoteKey}`, q[fromQuoteKey]),
          toQuote: nonEmptyString(file, `${at}.${toQuoteKey}`, q[toQuoteKey]),
        };
      }),
    };
  });
}

/** Either end of a curated link: an element or a problem, by id. */
export type Endpoint = Pick<ElementModel, 'id' | 'span'> | Pick<ProblemModel, 'id' | 'span'>;

/** Span of `quote` inside `end`'s text; throws naming the entry when it is not there. */
export function locateQuote(
  text: string,
  lines: LineIndex,
  end: Endpoint,
  quote: string,
  file: string,
  where: string,
): Span {
  const at = text.slice(end.span.start, end.span.end).indexOf(quote);
  if (at < 0) {
    throw new PlanParseError(
      'BAD_SEED_DATA',
      null,
      `${where} quote ${show(quote)} to occur in the text of ${end.id} (line ${end.span.line})`,
      'no such text there (CURATED_QUOTE_NOT_FOUND)',
      file,
    );
  }
  return lines.span(end.span.start + at, end.span.start + at + quote.length);
}

/** The endpoint with `id`, checked against what the link needs. */
export function resolveEndpoint<T extends Endpoint>(
  byId: ReadonlyMap<string, T>,
  id: string,
  expected: string,
  file: string,
  where: string,
): T {
  const found = byId.get(id);
  if (!found) throw seedError(file, where, `the id of ${expected} of this plan`, id);
  return found;
}
