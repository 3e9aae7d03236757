/**
 * A plan's id from what its document says: issuer + year + kind (`cast-2018`, `cast-2025-points`),
 * so that an edited text of the same plan keeps its id and replaces its plan, while another year
 * or another kind of plan by the same issuer gets an id of its own.
 *
 *   issuer  the notice's issuer (中国科协办公厅 → 中国科协, office suffixes removed), named by
 *           seeds/plan-ids.json, else the initials of its pinyin (青禾市科协 → qhskx)
 *   year    the first "NNNN年" of the plan's title, else the year of its issue date
 *   kind    the part seeds/plan-ids.json gives the word ending the title ("" for 重点任务); a
 *           title of no listed kind (an issuer's many 意见 and 通知 of one year) takes its document
 *           number instead: 国发〔2018〕42号 → gf42, 国办发〔2019〕3号 → gbf3
 *
 * Null when the document names no issuer or no year: the caller falls back to a hash of the text.
 */
import { pinyin } from 'pinyin-pro';
import { readSeedJson, seedError, seedPath } from './semantics/seed-json.ts';

export interface PlanIdRules {
  readonly issuers: Readonly<Record<string, string>>;
  readonly officeSuffixes: readonly string[];
  readonly kinds: readonly { readonly words: readonly string[]; readonly part: string }[];
}

export interface PlanIdFacts {
  readonly title: string;
  readonly noticeTitle: string | null;
  readonly issuer: string | null;
  readonly issuedDate: string | null;
  /** As printed (国发〔2018〕42号), or null/absent. */
  readonly documentNumber?: string | null;
}

const FILE = 'seeds/plan-ids.json';
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

let cached: PlanIdRules | null = null;

/** seeds/plan-ids.json, validated. */
export function loadPlanIdRules(): PlanIdRules {
  cached ??= parsePlanIdRules(readSeedJson(seedPath('plan-ids.json'), FILE));
  return cached;
}

export function parsePlanIdRules(json: unknown): PlanIdRules {
  const record = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!record(json)) throw seedError(FILE, '(top level)', 'an object', json);
  const issuers = json['issuers'];
  if (!record(issuers)) throw seedError(FILE, 'issuers', 'an object of issuer → id part', issuers);
  for (const [name, part] of Object.entries(issuers)) {
    if (typeof part !== 'string' || !SLUG.test(part))
      throw seedError(FILE, `issuers.${name}`, 'lower-case letters, digits and "-"', part);
  }
  const suffixes = json['officeSuffixes'];
  if (!Array.isArray(suffixes) || !suffixes.every((s) => typeof s === 'string' && s !== ''))
    throw seedError(FILE, 'officeSuffixes', 'a list of words', suffixes);
  const kinds = json['kinds'];
  if (!Array.isArray(kinds)) throw seedError(FILE, 'kinds', 'an array', kinds);
  return {
    issuers: issuers as Record<string, string>,
    officeSuffixes: suffixes as string[],
    kinds: kinds.map((k: unknown, i) => {
      if (!record(k)) throw seedError(FILE, `kinds[${i}]`, 'an object', k);
      const words = k['words'];
      if (
        !Array.isArray(words) ||
        words.length === 0 ||
        !words.every((w) => typeof w === 'string' && w !== '')
      )
        throw seedError(FILE, `kinds[${i}].words`, 'a non-empty list of words', words);
      const part = k['part'];
      if (typeof part !== 'string' || (part !== '' && !SLUG.test(part)))
        throw seedError(FILE, `kinds[${i}].part`, '"" or lower-case letters, digits and "-"', part);
      return { words: words as string[], part };
    }),
  };
}

/** The issuing organisation: the notice title's words before 关于, else the issuer line; office suffix removed. */
export function issuingOrganisation(facts: PlanIdFacts, rules: PlanIdRules): string | null {
  const fromNotice = facts.noticeTitle?.split('关于')[0]?.trim();
  let name = fromNotice && fromNotice !== facts.noticeTitle ? fromNotice : (facts.issuer?.trim() ?? '');
  for (const suffix of rules.officeSuffixes) {
    if (name.endsWith(suffix) && name.length > suffix.length) name = name.slice(0, -suffix.length);
  }
  return name === '' ? null : name;
}

function issuerPart(name: string, rules: PlanIdRules): string {
  const known = rules.issuers[name];
  if (known !== undefined) return known;
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return initials === '' ? 'plan' : initials;
}

function yearOf(facts: PlanIdFacts): string | null {
  return /((?:19|20)\d\d)年/.exec(facts.title)?.[1] ?? facts.issuedDate?.slice(0, 4) ?? null;
}

/** `issuer-year[-kind]`, or null when the document names no issuer or no year. */
export function derivePlanId(facts: PlanIdFacts, rules: PlanIdRules = loadPlanIdRules()): string | null {
  const organisation = issuingOrganisation(facts, rules);
  const year = yearOf(facts);
  if (organisation === null || year === null) return null;
  const title = facts.title.trim();
  // The longest word that ends the title decides (深化改革重点任务 before 重点任务).
  let kind = 'plan';
  let best = -1;
  for (const rule of rules.kinds) {
    for (const word of rule.words) {
      if (title.endsWith(word) && word.length > best) {
        best = word.length;
        kind = rule.part;
      }
    }
  }
  if (best < 0) kind = numberPart(facts.documentNumber ?? null) ?? kind;
  return [issuerPart(organisation, rules), year, kind].filter((p) => p !== '').join('-');
}

/**
 * The document number as an id part: the pinyin initials of its issuer code and its serial
 * (国办发〔2019〕3号 → gbf3), so two documents of one issuer and year keep apart. Null when the
 * number has no 〔year〕N号 shape.
 */
function numberPart(documentNumber: string | null): string | null {
  const m =
    documentNumber === null
      ? null
      : /^(.*?)[〔［[(（]\s*\d{4}\s*[〕］\])）]\s*(\d+)\s*号/.exec(documentNumber.trim());
  if (!m) return null;
  const code = pinyin(m[1] ?? '', { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return `${code}${m[2]}`;
}

/** The year a plan's document speaks of (its title's "NNNN年", else its issue date), or null. */
export function planYear(facts: PlanIdFacts): number | null {
  const year = yearOf(facts);
  return year === null ? null : Number(year);
}
