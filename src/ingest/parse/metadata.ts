/**
 * The notice around the plan (GB/T 9704-2012 §7.2–7.4): title "…关于印发《…》的通知", page
 * publication date (发布日期), addressees ("机关各部门,各直属单位:"), approval ("已经…审议通过"),
 * signature and date, the plan's own title and preamble; after the body, the copy list (抄送)
 * and the imprint. Each value found keeps the span it was read from.
 */
import type { ParseWarning, Span } from '../model.ts';
import type { Genre, KnownFact } from '../seed-data.ts';
import { isDateLine, isSignature } from './chrome.ts';
import { dateAt, dateLineLength, readDate } from './dates.ts';
import type { LineIndex, Para } from './lines.ts';
import { alternation, escapeRe, isSpace, normaliseInline, trimRange } from './text.ts';

export interface PlanMeta {
  readonly title: string | null;
  readonly titleSpan: Span | null;
  readonly noticeTitle: string | null;
  readonly issuer: string | null;
  readonly issuedDate: string | null;
  readonly issuedDateRaw: string | null;
  readonly publishedDate: string | null;
  readonly approvedBy: string | null;
  readonly addressees: readonly string[];
  readonly copyTo: readonly string[];
  readonly preamble: string;
  readonly metaSpans: Readonly<Record<string, Span>>;
  readonly warnings: readonly ParseWarning[];
}

interface Ctx {
  readonly text: string;
  readonly paras: readonly Para[];
  readonly index: LineIndex;
  readonly genre: Genre;
}

const splitList = (raw: string): string[] =>
  normaliseInline(raw)
    .split(/[,，;；]/)
    .map((s) => s.replace(/[。.]+$/, '').trim())
    .filter((s) => s !== '');

function findNotice(c: Ctx, front: readonly Para[]): Para | null {
  const md = c.genre.metadata;
  return (
    front.find((p) => {
      const t = normaliseInline(p.text);
      return (
        md.noticeTitleSuffixes.some((s) => t.endsWith(s)) &&
        md.noticeIssuerSeparators.some((s) => t.includes(s))
      );
    }) ?? null
  );
}

/** The 《…》 inside the notice title: offsets of its inside. */
function innerTitle(c: Ctx, notice: Para): [number, number] | null {
  const open = c.text.indexOf('《', notice.start);
  const close = c.text.lastIndexOf('》', notice.end);
  return open >= 0 && open < notice.end && close > open ? [open + 1, close] : null;
}

/** A line that may be a plan's title: short, no sentence or list punctuation, not a date or a label. */
function titleLike(c: Ctx, p: Para): boolean {
  const t = normaliseInline(p.text);
  return t.length >= 4 && t.length <= 60 && !/[。；;，,：:！？]/.test(t) && !isDateLine(p, c.genre);
}

function findPublished(c: Ctx, region: readonly Para[], spans: Record<string, Span>): string | null {
  const re = new RegExp(
    `(?:${alternation(c.genre.metadata.publishedLabels)})[ \\u00a0\\u3000]*[:：]?[ \\u00a0\\u3000]*`,
    'g',
  );
  for (const p of region) {
    re.lastIndex = 0;
    const m = re.exec(p.text);
    if (m === null) continue;
    const d = dateAt(c.text, p.start + m.index + m[0].length);
    if (d !== null) {
      spans.publishedDate = c.index.span(d.start, d.end);
      return d.iso;
    }
  }
  return null;
}

function findApproval(c: Ctx, region: readonly Para[], spans: Record<string, Span>): string | null {
  const md = c.genre.metadata;
  const re = new RegExp(
    `(?:${alternation(md.approvalPrefixes)})([^，,。；;：:\\n]{2,40}?)(?:${alternation(md.approvalSuffixes)})`,
  );
  for (const p of region) {
    const m = re.exec(p.text);
    if (m === null) continue;
    const s = p.start + m.index + m[0].indexOf(m[1]!);
    const [a, b] = trimRange(c.text, s, s + m[1]!.length);
    spans.approvedBy = c.index.span(a, b);
    return normaliseInline(c.text.slice(a, b));
  }
  return null;
}

/** "机关各部门,各直属单位:" — a line of the notice ending with a colon, before its body. */
function findAddressees(c: Ctx, region: readonly Para[], spans: Record<string, Span>): string[] {
  const labels = new RegExp(`^(?:${alternation(c.genre.metadata.publishedLabels)})`);
  for (const p of region) {
    const t = p.text;
    if (!/[:：]$/.test(t) || /[。]/.test(t) || labels.test(t) || t.length > 120) continue;
    const [a, b] = trimRange(c.text, p.start, p.end - 1);
    if (b <= a) continue;
    spans.addressees = c.index.span(a, b);
    return splitList(c.text.slice(a, b));
  }
  return [];
}

/** A signature line and the date under it: issuer and issue date (成文日期). */
function findSignature(c: Ctx, region: readonly Para[]): { issuer: Para; date: Para } | null {
  for (const p of region) {
    if (isSignature(c.paras, p.index, c.genre) && region.includes(c.paras[p.index + 1]!)) {
      return { issuer: p, date: c.paras[p.index + 1]! };
    }
  }
  return null;
}

/** "抄送:A,B,\n\n C。" — the list may break across lines; it runs to its full stop. */
function findCopyTo(c: Ctx, region: readonly Para[], spans: Record<string, Span>): string[] {
  const re = new RegExp(
    `^(?:${alternation(c.genre.metadata.copyToLabels)})[ \\u00a0\\u3000]*[:：][ \\u00a0\\u3000]*`,
  );
  for (let k = 0; k < region.length; k++) {
    const p = region[k]!;
    const m = re.exec(p.text);
    if (m === null) continue;
    let last = p;
    for (let j = k + 1; j <= k + 2 && j < region.length && !/[。]$/.test(last.text); j++) {
      const next = region[j]!;
      if (!/[。]$/.test(next.text) || isSignature(c.paras, next.index, c.genre) || isDateLine(next, c.genre))
        break;
      last = next;
    }
    let end = last.end;
    if (c.text[end - 1] === '。') end--;
    const start = p.start + m[0].length;
    if (end <= start) return [];
    spans.copyTo = c.index.span(start, end);
    return splitList(c.text.slice(start, end));
  }
  return [];
}

export function readMetadata(
  c: Ctx,
  outlineStart: number,
  outlineEnd: number,
  knownFacts: Readonly<Record<string, KnownFact>>,
): PlanMeta {
  const spans: Record<string, Span> = {};
  const warnings: ParseWarning[] = [];
  const front = c.paras.slice(0, outlineStart);
  const back = c.paras.slice(outlineEnd);
  const md = c.genre.metadata;

  const notice = findNotice(c, front);
  let noticeTitle: string | null = null;
  let inner: [number, number] | null = null;
  if (notice) {
    spans.noticeTitle = c.index.span(notice.start, notice.end);
    noticeTitle = normaliseInline(notice.text);
    inner = innerTitle(c, notice);
  }
  const afterNotice = notice ? front.slice(front.indexOf(notice) + 1) : front;

  // The plan's own title: the line repeating the 《…》 of the notice, else the title-like line
  // nearest above the preamble.
  let titlePara: Para | null = null;
  if (inner) {
    const wanted = normaliseInline(c.text.slice(inner[0], inner[1]));
    titlePara = afterNotice.find((p) => normaliseInline(p.text).replace(/^《|》$/g, '') === wanted) ?? null;
  }
  if (!titlePara) {
    for (let k = front.length - 1, prose = 0; k >= 0; k--) {
      const p = front[k]!;
      if (p === notice) break;
      if (titleLike(c, p) && !isSignature(c.paras, p.index, c.genre)) {
        titlePara = p;
        break;
      }
      if (++prose > 3) break;
    }
  }
  let title: string | null = null;
  let titleSpan: Span | null = null;
  if (titlePara) {
    titleSpan = c.index.span(titlePara.start, titlePara.end);
    title = normaliseInline(titlePara.text);
  } else if (inner) {
    titleSpan = c.index.span(inner[0], inner[1]);
    title = normaliseInline(titleSpan.quote);
  }

  // Notice body: between the notice title and the plan title.
  const titleAt = titlePara ? front.indexOf(titlePara) : front.length;
  const noticeBody = notice ? front.slice(front.indexOf(notice) + 1, titleAt) : [];

  const publishedDate = findPublished(c, front, spans);
  const addressees = notice ? findAddressees(c, noticeBody, spans) : [];

  const preambleParas = titlePara
    ? front
        .slice(titleAt + 1)
        .filter((p) => !isDateLine(p, c.genre) && !isSignature(c.paras, p.index, c.genre))
    : [];
  let preamble = '';
  if (preambleParas.length > 0) {
    spans.preamble = c.index.span(preambleParas[0]!.start, preambleParas.at(-1)!.end);
    preamble = preambleParas.map((p) => p.text).join('\n');
  }

  const approvedBy = findApproval(c, [...noticeBody, ...preambleParas], spans);

  // Issuer and date: the signature in the notice, else the imprint after the body.
  let issuer: string | null = null;
  let issuedDate: string | null = null;
  let issuedDateRaw: string | null = null;
  const sig = findSignature(c, noticeBody) ?? findSignature(c, back);
  if (sig) {
    spans.issuer = c.index.span(sig.issuer.start, sig.issuer.end);
    issuer = normaliseInline(sig.issuer.text);
    const len = dateLineLength(sig.date.text, md.printedSuffixes);
    spans.issuedDate = c.index.span(sig.date.start, sig.date.start + len);
    issuedDateRaw = spans.issuedDate.quote;
    issuedDate = readDate(issuedDateRaw);
    if (issuedDate === null) {
      const known = knownFacts.issuedDate;
      warnings.push({
        code: 'DATE_UNRECOVERABLE',
        message:
          `issue date "${issuedDateRaw}" cannot be read as a date (characters lost); issuedDate left null` +
          (known ? `. Not from this text: seeds/manifest.json records ${known.value} (${known.source})` : ''),
        line: sig.date.line,
      });
    }
  } else if (notice) {
    // "中国科协办公厅关于印发…": the issuer is what stands before 关于.
    const sep = new RegExp(`^(.{2,40}?)(?:${md.noticeIssuerSeparators.map(escapeRe).join('|')})`).exec(
      notice.text,
    );
    if (sep) {
      let e = notice.start + sep[1]!.length;
      while (e > notice.start && isSpace(c.text[e - 1])) e--;
      spans.issuer = c.index.span(notice.start, e);
      issuer = normaliseInline(spans.issuer.quote);
    }
  }

  const copyTo = findCopyTo(c, back, spans);

  return {
    title,
    titleSpan,
    noticeTitle,
    issuer,
    issuedDate,
    issuedDateRaw,
    publishedDate,
    approvedBy,
    addressees,
    copyTo,
    preamble,
    metaSpans: spans,
    warnings,
  };
}
