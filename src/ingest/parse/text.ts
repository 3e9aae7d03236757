/**
 * Character classes of Chinese official text as captured from the web, where ASCII and full-width
 * punctuation mix ("(一)" beside "（一）", "," beside "，") and blank lines hold a lone NBSP.
 * Only classification lives here; nothing rewrites the raw text, whose offsets every span keeps.
 */

/** White space of captured pages: ASCII blanks, NBSP, ideographic space, a stray BOM. */
export const SPACE = ' \t\r\n\f\v\u00a0\u3000\ufeff';
export const isSpace = (ch: string | undefined): boolean => ch !== undefined && SPACE.includes(ch);
const SPACE_CODES = new Set([...SPACE].map((c) => c.charCodeAt(0)));
/** spaceAt(text, i) without making a string of the character (false past either end). */
export const spaceAt = (text: string, i: number): boolean => SPACE_CODES.has(text.charCodeAt(i));

export const OPEN_BRACKETS = '(（';
export const CLOSE_BRACKETS = ')）';

/** Ends of a sentence. */
export const SENTENCE_END = '。！？!?';
/** Ends of a clause, for the first clause of a sub-item. */
export const CLAUSE_END = '，,；;：:' + SENTENCE_END;
/** What may stand before an inline sub-item marker: a list runs "…;2…", "…。1…", "具体包括:1…". */
export const LIST_BOUNDARY = '；;。：:！？!?';
/** What a finished item may end with (before closing quotes or brackets). */
export const TERMINAL = '。！？!?；;…';
/** Closers that may follow a terminal mark: "…行动”。", "…(2018)". */
export const CLOSERS = '”’》」』)）]】';

/** Paired marks whose inside is not a boundary: a comma inside “…” or 《…》 ends no clause. */
const PAIRS: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '「': '」',
  '『': '』',
  '(': ')',
  '（': '）',
  '【': '】',
  '[': ']',
};

/** How far a paired mark may reach before it is taken as damaged (its partner lost). */
const PAIR_REACH = 80;

/** PAIRS by code unit: opener → closer. */
const CLOSER_OF = new Map<number, number>(
  Object.entries(PAIRS).map(([open, close]) => [open.charCodeAt(0), close.charCodeAt(0)]),
);
const stopSets = new Map<string, ReadonlySet<number>>();
const NL = 10;

/**
 * First index in [start, end) whose character is in `stops` outside any paired mark, or -1.
 * An opener whose partner does not follow within reach (in the same paragraph) is ignored, and
 * so is an unmatched closer: captured pages lose brackets. Each opener looks no further than its
 * reach, so the walk stays linear in [start, end) however many openers lose their partner.
 */
export function findAtDepthZero(text: string, start: number, end: number, stops: string): number {
  let stopSet = stopSets.get(stops);
  if (stopSet === undefined) stopSets.set(stops, (stopSet = new Set([...stops].map((c) => c.charCodeAt(0)))));
  let i = start;
  while (i < end) {
    const ch = text.charCodeAt(i);
    if (stopSet.has(ch)) return i;
    const close = CLOSER_OF.get(ch);
    if (close !== undefined) {
      // The partner counts when it comes before the reach, the end and the next line break.
      const limit = Math.min(end, i + PAIR_REACH);
      let at = -1;
      for (let k = i + 1; k < limit; k++) {
        const c = text.charCodeAt(k);
        if (c === NL) break;
        if (c === close) {
          at = k;
          break;
        }
      }
      if (at >= 0) {
        i = at + 1;
        continue;
      }
    }
    i++;
  }
  return -1;
}

/** Trims white space from both ends of [start, end) and returns the narrowed range. */
export function trimRange(text: string, start: number, end: number, alsoEnd = ''): [number, number] {
  let s = start;
  let e = end;
  while (s < e && spaceAt(text, s)) s++;
  while (e > s && (spaceAt(text, e - 1) || alsoEnd.includes(text[e - 1]!))) e--;
  return [s, e];
}

/** True when the text ends as a finished sentence or clause does. */
export function endsComplete(text: string): boolean {
  let t = text.trimEnd();
  while (t.length > 0 && CLOSERS.includes(t.at(-1)!)) {
    const before = t.at(-2);
    if (before !== undefined && TERMINAL.includes(before)) return true;
    t = t.slice(0, -1);
  }
  return t.length > 0 && TERMINAL.includes(t.at(-1)!);
}

const CJK = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]';
const BREAK_RE = /[ \t\r\f\v\u00a0\u3000]*\n[\s\u00a0\u3000]*/g;
const CJK_GAP_RE = new RegExp(`(?<=${CJK})[ \\t\\u00a0\\u3000]+(?=${CJK})`, 'g');

/**
 * A value for the model (never a span's quote): line breaks inside a paragraph dropped ("副省级城
 * |市科协") and stray blanks between Chinese characters removed ("科协系统 深化").
 */
export function normaliseInline(raw: string): string {
  return raw.replace(BREAK_RE, '').replace(CJK_GAP_RE, '').trim();
}

const compiled = new WeakMap<object, Map<string, RegExp>>();

/**
 * A RegExp built from seed words, compiled once per seed object (a genre, a word list) and key
 * rather than once per line or element. A global or sticky one is shared: reset its lastIndex.
 */
export function compiledFor(owner: object, key: string, build: () => RegExp): RegExp {
  let byKey = compiled.get(owner);
  if (byKey === undefined) compiled.set(owner, (byKey = new Map()));
  let re = byKey.get(key);
  if (re === undefined) byKey.set(key, (re = build()));
  return re;
}

/** Escapes a word for use inside a RegExp. */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alternation of words, longest first so "牵头负责" wins over "牵头". */
export const alternation = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');

/** A short excerpt for an error's "found". */
export function excerpt(s: string, max = 24): string {
  const t = normaliseInline(s);
  return t.length > max ? `"${t.slice(0, max)}…"` : `"${t}"`;
}

/** The last characters of a text, for "the text stops at …". */
export function tail(s: string, max = 16): string {
  const t = normaliseInline(s);
  return t.length > max ? `"…${t.slice(-max)}"` : `"${t}"`;
}
