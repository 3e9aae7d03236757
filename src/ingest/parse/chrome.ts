/**
 * Where the plan stands inside a captured page. Site navigation, contact blocks, link lists and
 * footers carry no numbering ladder and no prose sentences; the plan does. So the body starts at
 * the first top-level heading ("一、" numbered 1) and ends where the ladder can no longer account
 * for a line: at the imprint (抄送, 印发, signature and date), or at a line that is neither
 * numbered nor prose when no item of the expected sequence follows it before the imprint.
 * Nothing outside those bounds becomes a section or an element; what looks like plan text there
 * is named in a warning (after-body.ts).
 */
import type { Genre } from '../seed-data.ts';
import { dateLineLength, readDate } from './dates.ts';
import type { Para } from './lines.ts';
import { LADDER, markerAt } from './markers.ts';
import { alternation, normaliseInline } from './text.ts';

/**
 * Index of the first heading of the outline: the first paragraph opening with an undamaged marker
 * numbered 1 on the outermost rung used, whose number 2 follows later (a ladder, not a stray "1.").
 * -1 when the text has no numbered outline.
 */
export function findOutlineStart(
  text: string,
  paras: readonly Para[],
  genre: Genre,
  from = 0,
  /** Only a top-level ladder (一、 then 二、): for a second plan after a first one's end. */
  strict = false,
): number {
  const q = genre.quantityFollowers;
  for (const shape of strict ? (['cn-comma'] as const) : LADDER) {
    let first = -1;
    for (let k = from; k < paras.length; k++) {
      const p = paras[k]!;
      const m = markerAt(text, p.start, q);
      if (m === null || m.damage !== null || m.shape !== shape) continue;
      if (first < 0 && m.number === 1) first = p.index;
      else if (first >= 0 && m.number === 2) return first;
    }
    // One top-level heading alone is still an outline when it is the outermost rung.
    if (first >= 0 && shape === 'cn-comma' && !strict) return first;
  }
  return -1;
}

const PUNCT = /[。，,；;：:！？!?、]/;

/** A short unpunctuated line: an issuer's signature (发文机关署名) or a title. */
export function isShortPlainLine(p: Para): boolean {
  const t = normaliseInline(p.text);
  return t.length >= 2 && t.length <= 30 && !PUNCT.test(t);
}

export function isDateLine(p: Para, genre: Genre): boolean {
  return dateLineLength(p.text, genre.metadata.printedSuffixes) > 0;
}

/** The signature line of an issuer: a short plain line followed by a date line. */
export function isSignature(paras: readonly Para[], i: number, genre: Genre): boolean {
  const p = paras[i];
  const next = paras[i + 1];
  return (
    p !== undefined &&
    next !== undefined &&
    isShortPlainLine(p) &&
    !isDateLine(p, genre) &&
    isDateLine(next, genre)
  );
}

const labelCache = new WeakMap<Genre, RegExp>();

/** "抄送:", "附件1", "(此件公开发布)": a label only the imprint or an attachment opens with. */
function isImprintLabel(p: Para, genre: Genre): boolean {
  let re = labelCache.get(genre);
  if (!re) {
    const md = genre.metadata;
    re = new RegExp(
      `^(?:(?:${alternation([...md.copyToLabels, ...md.attachmentLabels])})[ \\u00a0\\u3000]*[:：0-9]|[(（]?(?:${alternation(md.closingNotes)}))`,
    );
    labelCache.set(genre, re);
  }
  return re.test(p.text);
}

/** A line of the imprint or an attachment: where the body ends (GB/T 9704-2012 §7.4 版记). */
export function isBackMatter(paras: readonly Para[], i: number, genre: Genre): boolean {
  const p = paras[i]!;
  return isImprintLabel(p, genre) || isDateLine(p, genre) || isSignature(paras, i, genre);
}

/**
 * Back matter beyond doubt: a label, a signature, or a date line that reads as a date, says 印发
 * or stands under a signature. A lone number ("1000", an item that lost its text) also has the
 * shape of a damaged date line, so it is back matter only in that weaker sense.
 */
export function isImprint(paras: readonly Para[], i: number, genre: Genre): boolean {
  const p = paras[i]!;
  if (isImprintLabel(p, genre) || isSignature(paras, i, genre)) return true;
  const len = dateLineLength(p.text, genre.metadata.printedSuffixes);
  if (len < 0) return false;
  return (
    len < p.text.length ||
    readDate(p.text.slice(0, len)) !== null ||
    (i > 0 && isSignature(paras, i - 1, genre))
  );
}

/** The page's own footer: its copyright line. */
export function isPageFooter(p: Para): boolean {
  return /©|copyright/i.test(p.text);
}
