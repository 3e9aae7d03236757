/**
 * The issuing notice (印发通知, GB/T 9704-2012 §7.3) that often wraps a plan of this genre: its
 * title "…关于印发《X》的通知", document number (…〔2021〕41号), addressees ("各…:"), body (现将《X》
 * 印发给你们…), and its own numbered requirements (一、二、 of a 责任分解 notice), then the
 * signature and date. None of it is the plan: the plan's outline is looked for after it, and a
 * page that holds only the notice is refused (NOTICE_ONLY) rather than taken for the plan.
 */
import type { Genre } from '../seed-data.ts';
import { isDateLine, isSignature } from './chrome.ts';
import type { Para } from './lines.ts';
import { markerAt } from './markers.ts';
import { alternation, normaliseInline } from './text.ts';

export interface Notice {
  /** The notice title's paragraph, null for a notice that states none (number, addressees, body). */
  readonly title: Para | null;
  /** Offsets of X in 《X》 / 〈X〉 / 印发X的通知: the plan's title as the notice names it. */
  readonly inner: readonly [number, number] | null;
  /** Index of the notice's first paragraph. */
  readonly startIndex: number;
  /** Index of its last paragraph (the date under the signature, else its body). */
  readonly endIndex: number;
}

/** How far into a page the notice may start, and how long it may run, in paragraphs. */
const NOTICE_REACH = 12;
const NOTICE_LENGTH = 16;
/** A document number: 科协发智字〔2021〕41号, 京政办发[2016]26号. */
export const DOCUMENT_NUMBER =
  /[\u4e00-\u9fff]{1,12}[〔[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*\d{1,4}\s*号/;

const cache = new WeakMap<Genre, { title: RegExp; cue: RegExp }>();

function patterns(genre: Genre): { title: RegExp; cue: RegExp } {
  let hit = cache.get(genre);
  if (!hit) {
    const md = genre.metadata;
    hit = {
      // "…关于印发《X》的通知", "…印发〈X〉的通知", "关于印发X的通知" (with or without 关于).
      title: new RegExp(
        `(?:${alternation(md.noticeTitleWords)}).{1,120}?(?:${alternation(md.noticeTitleSuffixes)})`,
      ),
      cue: new RegExp(alternation(md.noticeBodyCues)),
    };
    cache.set(genre, hit);
  }
  return hit;
}

/** The innermost 《…》/〈…〉 of a notice title that is not itself a notice title, or what 印发 hands over. */
export function innerTitle(text: string, p: Para, genre: Genre): [number, number] | null {
  const pairs: [string, string][] = [
    ['〈', '〉'],
    ['<', '>'],
    ['《', '》'],
  ];
  const notice = patterns(genre).title;
  for (const [open, close] of pairs) {
    const o = text.indexOf(open, p.start);
    if (o < 0 || o >= p.end) continue;
    // Its own closing mark, nested pairs of the same kind skipped.
    let c = -1;
    for (let i = o + 1, depth = 0; i < p.end; i++) {
      if (text[i] === open) depth++;
      else if (text[i] === close && depth-- === 0) {
        c = i;
        break;
      }
    }
    if (c <= o) continue;
    const inside = text.slice(o + 1, c);
    if (notice.test(inside) && /[〈<]/.test(inside)) continue; // 《…关于印发〈X〉的通知》: look inside
    if (notice.test(inside) && !/[〈<《]/.test(inside)) continue;
    return [o + 1, c];
  }
  // No bracket: "关于印发福建省科协2020年工作要点的通知".
  const md = genre.metadata;
  const m = new RegExp(
    `(?:${alternation(md.noticeTitleWords)})(.{2,80}?)(?:${alternation(md.noticeTitleSuffixes)})`,
  ).exec(p.text);
  if (m === null) return null;
  const s = p.start + m.index + m[0].indexOf(m[1]!);
  return [s, s + m[1]!.length];
}

/** A notice title opens its line: an issuer at most, no sentence, before 印发 (a preamble citing 《…的通知》 is no title). */
function isNoticeTitle(p: Para, genre: Genre): boolean {
  const t = normaliseInline(p.text);
  const m = patterns(genre).title.exec(t);
  return m !== null && m.index <= 50 && !/[。！？!?]/.test(t.slice(0, m.index));
}

/**
 * The notice at the head of the page, or null. It runs from its title (or, untitled, from its
 * first line) to the date under its signature; it ends earlier at a line repeating the plan's
 * title, and a notice with neither ends after its body.
 */
export function findNotice(text: string, paras: readonly Para[], genre: Genre): Notice | null {
  const reach = Math.min(paras.length, NOTICE_REACH);
  let titleAt = -1;
  for (let i = 0; i < reach; i++) {
    if (!isNoticeTitle(paras[i]!, genre)) continue;
    titleAt = i;
    // "京政办发〔2016〕26号《…的通知》" then "《…的通知》": the later, plainer line is the title.
    while (titleAt + 1 < reach && isNoticeTitle(paras[titleAt + 1]!, genre)) titleAt++;
    break;
  }
  const cue = patterns(genre).cue;
  let cueAt = -1;
  const from = titleAt >= 0 ? titleAt : 0;
  for (let i = from; i < Math.min(paras.length, from + NOTICE_LENGTH); i++) {
    if (cue.test(paras[i]!.text) && /[。；;,，]|给你们/.test(paras[i]!.text)) {
      cueAt = i;
      break;
    }
  }
  if (titleAt < 0 && cueAt < 0) return null;
  // An untitled notice is believed only with a body cue near the top of the page and an
  // addressee line ("各…:") before it.
  if (titleAt < 0) {
    if (cueAt >= reach) return null;
    const addressed = paras.slice(0, cueAt).some((p) => /[:：]$/.test(p.text) && !/[。]/.test(p.text));
    if (!addressed) return null;
  }
  const title = titleAt >= 0 ? paras[titleAt]! : null;
  const inner = title ? innerTitle(text, title, genre) : null;
  const wanted = inner ? comparable(text.slice(inner[0], inner[1])) : null;
  const start = titleAt >= 0 ? titleAt : 0;
  const end = cueAt >= 0 ? cueAt : start;
  for (let i = start + 1; i < Math.min(paras.length, start + NOTICE_LENGTH); i++) {
    const p = paras[i]!;
    // The plan's own title (or its first line, when it breaks over two) ends the notice.
    const line = comparable(p.text);
    if (wanted !== null && (line === wanted || (line.length >= 6 && wanted.startsWith(line)))) return mk(end);
    if (isSignature(paras, i, genre)) {
      let j = i + 1;
      // "(中国科协办公厅代章)" may stand between the signature and the date.
      while (j < paras.length && !isDateLine(paras[j]!, genre) && /^[(（].*[)）]$/.test(paras[j]!.text)) j++;
      return mk(Math.max(end, isDateLine(paras[j] ?? paras[i]!, genre) ? j : i));
    }
    if (i > start && /^[(（].*代章[)）]$/.test(p.text) && paras[i + 1] && isDateLine(paras[i + 1]!, genre))
      return mk(i + 1);
  }
  return mk(end);

  function mk(endIndex: number): Notice {
    return { title, inner, startIndex: start, endIndex };
  }
}

/** A title as compared across lines: brackets, blanks and line breaks aside. */
export function comparable(s: string): string {
  return normaliseInline(s)
    .replace(/^[《〈<]|[》〉>]$/g, '')
    .replace(/[\s\u00a0\u3000]/g, '');
}

/** How many lines (the plan's title over two lines, a period, a preamble) may stand between the notice and item 1. */
const PLAN_HEAD_LINES = 4;

/**
 * The plan's first item right after the notice, when its number 2 never comes: a page that holds
 * the notice, the plan's title and "1.…" and stops there (a cut copy) still carries the start of
 * the plan. Index of that paragraph, or -1. Only an intact marker numbered 1 counts.
 */
export function loneFirstItem(text: string, paras: readonly Para[], genre: Genre, from: number): number {
  for (let k = from; k < Math.min(paras.length, from + PLAN_HEAD_LINES + 1); k++) {
    const m = markerAt(text, paras[k]!.start, genre.quantityFollowers);
    if (m === null) continue;
    return m.damage === null && m.shape !== null && m.number === 1 ? k : -1;
  }
  return -1;
}
