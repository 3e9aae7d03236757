/**
 * The notice around the plan (GB/T 9704-2012 §7.2–7.4): title "…关于印发《…》的通知", page
 * publication date (发布日期), addressees ("机关各部门,各直属单位:"), approval ("已经…审议通过"),
 * signature and date, the plan's own title and preamble; after the body, the copy list (抄送)
 * and the imprint. Each value found keeps the span it was read from.
 */
import type { ParseWarning, Span } from '../model.ts';
import type { Genre, KnownFact } from '../seed-data.ts';
import { isDateLine, isSignature } from './chrome.ts';
import { comparable, DOCUMENT_NUMBER } from './notice.ts';
import type { Notice } from './notice.ts';
import { dateAt, dateLineLength, readDate } from './dates.ts';
import type { LineIndex, Para } from './lines.ts';
import { alternation, escapeRe, normaliseInline, spaceAt, trimRange } from './text.ts';

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

/** A line that may be a plan's title: short, no sentence or list punctuation, not a date or a label. */
function titleLike(c: Ctx, p: Para): boolean {
  const t = normaliseInline(p.text);
  return (
    t.length >= 4 &&
    t.length <= 60 &&
    !/[。；;，,：:！？>|]/.test(t) &&
    !isDateLine(p, c.genre) &&
    !isAside(c, p) &&
    /[\u4e00-\u9fff]{2}/.test(t)
  );
}

/**
 * The page's title on the first line, confirmed by the same title printed again right below it
 * broken over two to four lines; null otherwise.
 */
function pageTitle(c: Ctx, front: readonly Para[]): Para | null {
  const first = front[0];
  if (first === undefined || !titleLike(c, first)) return null;
  const whole = comparable(first.text);
  let joinedText = '';
  for (const p of front.slice(1, 5)) {
    joinedText += comparable(p.text);
    if (joinedText === whole) return first;
    if (!whole.startsWith(joinedText)) return null;
  }
  return null;
}

/** "(2018—2020年)", "科协发智字〔2021〕41号": lines under a title that are not the title. */
function isAside(c: Ctx, p: Para): boolean {
  const t = normaliseInline(p.text);
  return PERIOD_LINE.test(t) || (DOCUMENT_NUMBER.test(t) && t.length <= 30) || draftMarkAt(c, t) === t.length;
}

/** A bracketed period standing alone or closing a title: "(2018—2020年)", "(2021-2025年)". */
const PERIOD = /[(（]\s*(?:19|20)\d{2}\s*(?:年)?\s*[—–\-－~～至到]+\s*(?:19|20)\d{2}\s*年?\s*[)）]/;
const PERIOD_LINE = new RegExp(`^${PERIOD.source}$`);

/** Offset in `t` where a closing draft mark "(征求意见稿)" starts, or -1. */
function draftMarkAt(c: Ctx, t: string): number {
  const m = new RegExp(`[(（]\\s*(?:${alternation(c.genre.metadata.draftMarks)})\\s*[)）]$`).exec(t);
  return m === null ? -1 : m.index;
}

/**
 * Narrows a title's span: a draft mark "(征求意见稿)" and a period "(2018—2020年)" closing it are
 * recorded beside the title (metaSpans draftMark, period), never as part of it.
 */
function trimTitle(c: Ctx, start: number, end: number, spans: Record<string, Span>): [number, number] {
  let e = end;
  for (;;) {
    const raw = c.text.slice(start, e);
    const d = draftMarkAt(c, raw);
    if (d > 0) {
      spans.draftMark = c.index.span(start + d, e);
      e = start + d;
      continue;
    }
    const p = new RegExp(`${PERIOD.source}$`).exec(raw);
    if (p !== null && p.index > 0) {
      spans.period = c.index.span(start + p.index, e);
      e = start + p.index;
      continue;
    }
    break;
  }
  return trimRange(c.text, start, e);
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
      // "(中国科协办公厅代章)" under the signature: the issuer is the line above it.
      const above = c.paras[p.index - 1];
      const sealed = /^[(（].*代章[)）]$/.test(p.text) && above !== undefined && region.includes(above);
      return { issuer: sealed ? above : p, date: c.paras[p.index + 1]! };
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

/** "日期:2023-03-29 08:55", "发布时间:…": a page's date line, never a title or a preamble. */
function isPublishedLine(c: Ctx, p: Para): boolean {
  const t = normaliseInline(p.text);
  return /^(?:日期|时间|发布|来源|作者|编辑)/.test(t) && /[:：]/.test(t) && t.length <= 60
    ? true
    : new RegExp(`^(?:${alternation(c.genre.metadata.publishedLabels)})`).test(t);
}

/** A title that ends as plans of the genre name themselves: …工作要点, …实施方案. */
function endsAsTitle(c: Ctx, raw: string): boolean {
  const t = normaliseInline(raw).replace(/[(（][^()（）]*[)）]$/, '');
  return c.genre.metadata.titleEndings.some((w) => t.endsWith(w));
}

/**
 * The notice title within its line: a document number, a page's category in quotes or the
 * brackets around a cited title before it are not part of it; whatever follows 的通知 is not either.
 */
function noticeTitleRange(c: Ctx, p: Para): [number, number] {
  const suffix = new RegExp(alternation(c.genre.metadata.noticeTitleSuffixes), 'g');
  let end = p.end;
  for (let m = suffix.exec(p.text); m !== null; m = suffix.exec(p.text))
    end = p.start + m.index + m[0].length;
  let start = p.start;
  const lead =
    /^(?:\s*(?:[\u4e00-\u9fff]{1,12}[〔[［【]\s*\d{4}\s*[〕\]］】]\s*\d{1,4}\s*号|“[^”]{1,20}”)\s*)+/.exec(
      c.text.slice(start, end),
    );
  if (lead !== null) start += lead[0].length;
  if (c.text[start] === '《' && c.text[end] === '》') start++;
  return trimRange(c.text, start, end);
}

export function readMetadata(
  c: Ctx,
  notice: Notice | null,
  outlineStart: number,
  outlineEnd: number,
  knownFacts: Readonly<Record<string, KnownFact>>,
): PlanMeta {
  const spans: Record<string, Span> = {};
  const warnings: ParseWarning[] = [];
  const front = c.paras.slice(0, outlineStart);
  const back = c.paras.slice(outlineEnd);
  const md = c.genre.metadata;

  let noticeTitle: string | null = null;
  const inner = notice?.inner ?? null;
  if (notice?.title) {
    const [a, b] = noticeTitleRange(c, notice.title);
    spans.noticeTitle = c.index.span(a, b);
    noticeTitle = normaliseInline(spans.noticeTitle.quote);
  }
  for (const p of front) {
    const m = DOCUMENT_NUMBER.exec(p.text);
    if (
      m !== null &&
      spans.documentNumber === undefined &&
      (notice === null || p.index <= notice.endIndex + 1)
    )
      spans.documentNumber = c.index.span(p.start + m.index, p.start + m.index + m[0].length);
  }
  const afterNotice = notice ? front.slice(notice.endIndex + 1) : front;

  // The plan's own title: the line(s) repeating the 《…》 of the notice, else the title-like
  // line nearest above the preamble (joined with the line above when the title breaks there).
  let titleRange: [number, number] | null = null;
  let titleAt = front.length;
  const wanted = inner ? comparable(c.text.slice(inner[0], inner[1])) : null;
  for (let k = afterNotice.length - 1, prose = 0; k >= 0; k--) {
    const p = afterNotice[k]!;
    if (isAside(c, p) || isDateLine(p, c.genre) || isPublishedLine(c, p)) {
      if (PERIOD_LINE.test(normaliseInline(p.text))) spans.period = c.index.span(p.start, p.end);
      continue;
    }
    if (titleLike(c, p) && !isSignature(c.paras, p.index, c.genre)) {
      let first = p;
      const above = afterNotice[k - 1];
      if (above && titleLike(c, above) && !isSignature(c.paras, above.index, c.genre)) {
        const joinedText = comparable(above.text + p.text);
        if (
          (wanted !== null && wanted.startsWith(joinedText)) ||
          (wanted === null && endsAsTitle(c, p.text) && !endsAsTitle(c, above.text))
        )
          first = above;
      }
      titleRange = [first.start, p.end];
      titleAt = front.indexOf(first);
      break;
    }
    if (++prose > 3) break;
  }
  let title: string | null = null;
  let titleSpan: Span | null = null;
  if (titleRange === null && inner) titleRange = [inner[0], inner[1]];
  // A whole page opens with its title on line 1, printed again below broken over lines: where the
  // title found is that title or its tail (a break the search above did not join), or none was
  // found, line 1 is the title.
  const page = pageTitle(c, front);
  if (page !== null) {
    const found = titleRange === null ? '' : comparable(c.text.slice(titleRange[0], titleRange[1]));
    const whole = comparable(c.text.slice(page.start, page.end));
    if (titleRange === null || (whole.endsWith(found) && found.length < whole.length))
      titleRange = [page.start, page.end];
  }
  if (titleRange !== null) {
    const [a, b] = trimTitle(c, titleRange[0], titleRange[1], spans);
    titleSpan = c.index.span(a, b);
    title = normaliseInline(titleSpan.quote).replace(/^《|》$/g, '');
  }
  if (titleAt === front.length && notice) titleAt = Math.min(front.length, notice.endIndex + 1);

  // Notice body: between the notice title and the plan title.
  const noticeBody = notice
    ? c.paras.slice((notice.title?.index ?? notice.startIndex - 1) + 1, notice.endIndex + 1)
    : [];

  const publishedDate = findPublished(c, front, spans);
  const addressees = notice ? findAddressees(c, noticeBody, spans) : [];

  const preambleParas = front
    .slice(
      titleRange !== null && titleAt < front.length
        ? titleAt + 1
        : notice
          ? notice.endIndex + 1
          : front.length,
    )
    .filter(
      (p) =>
        !isDateLine(p, c.genre) &&
        !isSignature(c.paras, p.index, c.genre) &&
        !isAside(c, p) &&
        !isPublishedLine(c, p) &&
        !(titleSpan !== null && p.start < titleSpan.end && p.end > titleSpan.start) &&
        (/[。；;，,]/.test(p.text) || normaliseInline(p.text).length > 40),
    );
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
  } else if (spans.noticeTitle) {
    // "中国科协办公厅关于印发…": the issuer is what stands before 关于 (or 印发).
    const t = spans.noticeTitle;
    const words = [...md.noticeIssuerSeparators, ...md.noticeTitleWords].map(escapeRe).join('|');
    const sep = new RegExp(`^(.{2,40}?)(?:${words})`).exec(t.quote);
    if (sep) {
      let e = t.start + sep[1]!.length;
      while (e > t.start && spaceAt(c.text, e - 1)) e--;
      spans.issuer = c.index.span(t.start, e);
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
