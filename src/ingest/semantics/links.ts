/**
 * Curated edges (seeds/links/*.json): SERVES and ADDRESSES links a reviewer vouches for where the
 * automatic rules miss an obvious one. Each carries a rationale and quotes from both ends; a quote
 * is located by searching it in its end's text (first occurrence), and a quote that is not there
 * stops the load: a curated link whose evidence is not in the text is a broken link.
 *
 * A file applies to a plan by the plan's text, never by its id (findLinks): the file lists the
 * sha256 of the sources it was reviewed on, and a text it does not list is still matched when
 * every quote of every SERVES link and every element quote of every ADDRESSES link stands in the
 * plan's element of the same local id (task-8, task-6/item-6). The ids of the file are then read
 * in the plan's own namespace: the seed loaded as `cast-2018-copy` keeps its reviewed links.
 */
import { existsSync, readdirSync } from 'node:fs';
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
  /** How the file was matched to the plan: by the source's sha256, by its quotes; null: no file. */
  readonly matchedBy: 'sha256' | 'quotes' | null;
  /** The sources (sha256) the file was reviewed on. */
  readonly sha256: readonly string[];
  readonly serves: readonly CuratedLink[];
  readonly addresses: readonly CuratedLink[];
}

export const NO_LINKS: CuratedLinks = {
  file: '(none)',
  matchedBy: null,
  sha256: [],
  serves: [],
  addresses: [],
};

/** The links file named after `planId` (seeds/links/<planId>.json), or none; read as it is. */
export function loadLinks(planId: string): CuratedLinks {
  const file = `seeds/links/${planId}.json`;
  const json = readSeedJson(seedPath(`links/${planId}.json`), file, true);
  return json === null ? { ...NO_LINKS, file } : parseLinks(json, planId, file);
}

/** The plan a text's elements belong to, as findLinks needs it. */
export interface LinkTarget {
  readonly planId: string;
  readonly sha256: string | null;
  readonly text: string;
  readonly elements: readonly Pick<ElementModel, 'id' | 'span'>[];
}

/** Every links file under seeds/links/, parsed. */
export function allLinkFiles(): CuratedLinks[] {
  const dir = seedPath('links');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = `seeds/links/${f}`;
      return parseLinks(readSeedJson(seedPath(`links/${f}`), file), null, file);
    });
}

/**
 * The reviewed links that apply to this plan's text (by sha256, else by quotes), with their ids
 * moved into the plan's namespace; NO_LINKS when no file fits.
 */
export function findLinks(target: LinkTarget, files: readonly CuratedLinks[] = allLinkFiles()): CuratedLinks {
  const bySha = files.find((f) => target.sha256 !== null && f.sha256.includes(target.sha256));
  if (bySha) return { ...inPlan(bySha, target.planId), matchedBy: 'sha256' };
  for (const f of files) {
    const moved = inPlan(f, target.planId);
    if (moved.serves.length + moved.addresses.length > 0 && quotesStand(moved, target)) {
      return { ...moved, matchedBy: 'quotes' };
    }
  }
  return NO_LINKS;
}

const localPart = (id: string) => id.slice(id.indexOf('/') + 1);

function inPlan(links: CuratedLinks, planId: string): CuratedLinks {
  const move = (l: CuratedLink): CuratedLink => ({
    ...l,
    from: `${planId}/${localPart(l.from)}`,
    to: `${planId}/${localPart(l.to)}`,
  });
  return { ...links, serves: links.serves.map(move), addresses: links.addresses.map(move) };
}

function quotesStand(links: CuratedLinks, target: LinkTarget): boolean {
  const byId = new Map(target.elements.map((e) => [e.id, e]));
  const has = (id: string, quote: string) => {
    const e = byId.get(id);
    return e !== undefined && target.text.slice(e.span.start, e.span.end).includes(quote);
  };
  return (
    links.serves.every((l) => l.evidence.every((q) => has(l.from, q.fromQuote) && has(l.to, q.toQuote))) &&
    links.addresses.every((l) => l.evidence.every((q) => has(l.from, q.fromQuote)))
  );
}

/**
 * Parses a links file. `planId`, when given, must be the file's `plan` (a file read for one plan
 * by name); the `plan` of a file is otherwise only the label of the plan it was reviewed on.
 */
export function parseLinks(json: unknown, planId: string | null, file: string): CuratedLinks {
  if (!isRecord(json)) throw seedError(file, '(top level)', 'an object', json);
  checkKeys(file, '(top level)', json, ['$comment', 'plan', 'sha256', 'serves', 'addresses']);
  if (planId !== null && json['plan'] !== planId) throw seedError(file, 'plan', `"${planId}"`, json['plan']);
  const sha = json['sha256'] ?? [];
  if (!Array.isArray(sha) || !sha.every((s) => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s))) {
    throw seedError(file, 'sha256', 'a list of sha256 hex digests', sha);
  }
  return {
    file,
    matchedBy: null,
    sha256: sha as string[],
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
