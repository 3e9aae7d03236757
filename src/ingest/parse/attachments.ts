/**
 * Attachments (附件, GB/T 9704-2012 §7.3.6 and §8): after the signature and date, a line "附件" or
 * "附件1" (its title on the same line after a colon, or on the next), then the attachment itself,
 * up to the next such label. The body's own list of attachments ("附件：…指标" just above the
 * signature) is no attachment: the signature follows it.
 *
 * What an attachment is, its title and columns say (genre.json `attachments`): an appendix of
 * indicators (…考核指标), a list of tasks (…清单, columns 序号 / 改革举措 / 负责单位 …) or another
 * document. None is a second plan.
 */
import type { Genre } from '../seed-data.ts';
import { isBackMatter, isPageFooter } from './chrome.ts';
import type { Para } from './lines.ts';
import { trimRange } from './text.ts';

export type AttachmentKind = 'indicators' | 'list' | 'document';

export interface Attachment {
  /** Index of the label's paragraph. */
  readonly labelIndex: number;
  /** "附件", "附件1". */
  readonly label: string;
  readonly titleStart: number;
  readonly titleEnd: number;
  /** Index of the first paragraph after the title. */
  readonly bodyIndex: number;
  /** Index of the first paragraph after the attachment. */
  readonly endIndex: number;
  readonly kind: AttachmentKind;
}

const LABEL =
  /^(附件[ \u00a0\u3000]*[0-9０-９一二三四五六七八九十]{0,3})[ \u00a0\u3000]*(?:[:：][ \u00a0\u3000]*)?/;

/** How many lines after the title the column headings of a list may take. */
const HEADER_REACH = 12;

function labelOf(p: Para, genre: Genre): RegExpExecArray | null {
  const m = LABEL.exec(p.text);
  if (m === null) return null;
  return genre.metadata.attachmentLabels.some((w) => m[1]!.startsWith(w)) ? m : null;
}

/** Column headings among the first lines after the title: a list's header. */
export function headerCells(paras: readonly Para[], from: number, end: number, genre: Genre): number {
  const c = genre.attachments.columns;
  const words = [...c.number, ...c.title, ...c.text, ...c.lead, ...c.participants];
  let n = 0;
  for (let k = from; k < Math.min(end, from + HEADER_REACH); k++) {
    const t = paras[k]!.text;
    if (t.length <= 12 && words.some((w) => t.includes(w))) n++;
  }
  return n;
}

function kindOf(
  title: string,
  paras: readonly Para[],
  from: number,
  end: number,
  genre: Genre,
): AttachmentKind {
  const a = genre.attachments;
  if (a.indicatorWords.some((w) => title.includes(w))) return 'indicators';
  const header = headerCells(paras, from, end, genre);
  if (header >= 2 && (a.listWords.some((w) => title.includes(w)) || header >= 3)) return 'list';
  return 'document';
}

/** The attachments from paragraph `from` on, in order; empty when there is none. */
export function findAttachments(
  text: string,
  paras: readonly Para[],
  from: number,
  genre: Genre,
): Attachment[] {
  const starts: { k: number; m: RegExpExecArray }[] = [];
  for (let k = from; k < paras.length; k++) {
    const p = paras[k]!;
    if (isPageFooter(p)) break;
    const m = labelOf(p, genre);
    if (m === null) continue;
    const next = paras[k + 1];
    // "附件：…" just above the signature lists the attachments; it opens none.
    if (next === undefined || isBackMatter(paras, k + 1, genre)) continue;
    starts.push({ k, m });
  }
  let footer = paras.findIndex((p, k) => k >= from && isPageFooter(p));
  if (footer < 0) footer = paras.length;
  return starts.map(({ k, m }, i) => {
    const p = paras[k]!;
    const end = starts[i + 1]?.k ?? footer;
    const rest = p.start + m[0].length;
    // The title follows the label on its line, or stands on the next line.
    const [ts, te] = rest < p.end ? trimRange(text, rest, p.end) : [paras[k + 1]!.start, paras[k + 1]!.end];
    const bodyIndex = rest < p.end ? k + 1 : k + 2;
    const title = text.slice(ts, te);
    return {
      labelIndex: k,
      label: m[1]!.replace(/[ \u00a0\u3000]/g, ''),
      titleStart: ts,
      titleEnd: te,
      bodyIndex,
      endIndex: end,
      kind: kindOf(title, paras, bodyIndex, end, genre),
    };
  });
}
