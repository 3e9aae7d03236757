/**
 * Where the plan stands inside a captured page. Site navigation, contact blocks, link lists and
 * footers carry no numbering ladder and no prose sentences; the plan does. So the body starts at
 * the first top-level heading ("一、" numbered 1) and ends where the ladder can no longer account
 * for a line: at the imprint (抄送, 印发, signature and date), or at the first line that is
 * neither numbered nor prose. Nothing outside those bounds becomes a section or an element.
 */
import type { Genre } from '../seed-data.ts';
import { dateLineLength } from './dates.ts';
import type { Para } from './lines.ts';
import { LADDER, markerAt } from './markers.ts';
import { alternation, normaliseInline } from './text.ts';

/**
 * Index of the first heading of the outline: the first paragraph opening with an undamaged marker
 * numbered 1 on the outermost rung used, whose number 2 follows later (a ladder, not a stray "1.").
 * -1 when the text has no numbered outline.
 */
export function findOutlineStart(text: string, paras: readonly Para[], genre: Genre): number {
  const q = genre.quantityFollowers;
  for (const shape of LADDER) {
    let first = -1;
    for (const p of paras) {
      const m = markerAt(text, p.start, q);
      if (m === null || m.damage !== null || m.shape !== shape) continue;
      if (first < 0 && m.number === 1) first = p.index;
      else if (first >= 0 && m.number === 2) return first;
    }
    // One top-level heading alone is still an outline when it is the outermost rung.
    if (first >= 0 && shape === 'cn-comma') return first;
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

/** A line of the imprint or an attachment: where the body ends (GB/T 9704-2012 §7.4 版记). */
export function isBackMatter(paras: readonly Para[], i: number, genre: Genre): boolean {
  const p = paras[i]!;
  let re = labelCache.get(genre);
  if (!re) {
    const md = genre.metadata;
    re = new RegExp(
      `^(?:(?:${alternation([...md.copyToLabels, ...md.attachmentLabels])})[ \\u00a0\\u3000]*[:：0-9]|[(（]?(?:${alternation(md.closingNotes)}))`,
    );
    labelCache.set(genre, re);
  }
  return re.test(p.text) || isDateLine(p, genre) || isSignature(paras, i, genre);
}
