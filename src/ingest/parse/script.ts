/**
 * Traditional characters (要點, 牽頭, 關於…印發, 辦公廳) are read through OpenCC's
 * traditional → simplified tables, for matching only: the parser matches the converted text, and
 * every stored text, quote and offset is then taken back from the source's own characters.
 *
 * The conversion is character by character, so the converted text has the source's length and
 * every offset means the same in both: a phrase table could change lengths and would move spans.
 */
import * as OpenCC from 'opencc-js/t2cn';
import type { ParsedDocument } from './index.ts';
import type { Span } from '../model.ts';

let convert: ((s: string) => string) | null = null;
/** Per code unit from U+3400 to U+9FFF: its simplified code unit, 0 while not yet converted. */
const FIRST = 0x3400;
const table = new Uint16Array(0x9fff - FIRST + 1);

/** The character's simplified form as one code unit, or the character itself (converted once per process). */
function simplified(code: number): number {
  let s = table[code - FIRST]!;
  if (s === 0) {
    convert ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
    const c = (convert as (x: string) => string)(String.fromCharCode(code));
    s = c.length === 1 ? c.charCodeAt(0) : code;
    table[code - FIRST] = s;
  }
  return s;
}

/** The text with each traditional character replaced by its simplified form; the text itself when it has none. */
export function forMatching(source: string): string {
  let out: string[] | null = null;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code < FIRST || code > 0x9fff) continue;
    const s = simplified(code);
    if (s !== code) {
      out ??= Array.from({ length: source.length }, (_, k) => source[k]!);
      out[i] = String.fromCharCode(s);
    }
  }
  return out === null ? source : out.join('');
}

/**
 * `s`, read from the converted text between `start` and `end` (its characters in order, with
 * blanks and line breaks dropped), spelt with the source's characters.
 */
function restore(s: string, source: string, converted: string, start: number, end: number): string {
  let at = start;
  let out = '';
  for (const ch of s) {
    let q = at;
    while (q < end && converted[q] !== ch) q++;
    if (q < end) {
      out += source[q];
      at = q + 1;
    } else out += ch;
  }
  return out;
}

const quoteOf = (span: Span, source: string): Span => ({
  ...span,
  quote: source.slice(span.start, span.end),
});

/** The parsed document with every text in the source's characters. */
export function restoreSource(doc: ParsedDocument, source: string, converted: string): ParsedDocument {
  const back = (s: string, span: Span | null | undefined): string =>
    span ? restore(s, source, converted, span.start, span.end) : s;
  const meta = doc.metaSpans;
  const names = new Map<string, string>();
  const unitName = (span: Span): string => {
    const original = source.slice(span.start, span.end);
    names.set(span.quote, original);
    return original;
  };
  const leads = doc.leads.map((l) => ({
    ...l,
    departmentId: `dept/${unitName(l.span)}`,
    span: quoteOf(l.span, source),
  }));
  const participations = doc.participations.map((p) => ({
    ...p,
    departmentId: `dept/${unitName(p.span)}`,
    span: quoteOf(p.span, source),
  }));
  return {
    ...doc,
    title: back(doc.title, doc.span),
    span: quoteOf(doc.span, source),
    noticeTitle: doc.noticeTitle === null ? null : back(doc.noticeTitle, meta.noticeTitle),
    issuer: doc.issuer === null ? null : back(doc.issuer, meta.issuer),
    issuedDateRaw: doc.issuedDateRaw === null ? null : back(doc.issuedDateRaw, meta.issuedDate),
    approvedBy: doc.approvedBy === null ? null : back(doc.approvedBy, meta.approvedBy),
    addressees: doc.addressees.map((a) => back(a, meta.addressees)),
    copyTo: doc.copyTo.map((a) => back(a, meta.copyTo)),
    preamble: back(doc.preamble, meta.preamble),
    preambleSpan: doc.preambleSpan && quoteOf(doc.preambleSpan, source),
    metaSpans: Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, quoteOf(v, source)])),
    sections: doc.sections.map((s) => ({
      ...s,
      title: back(s.title, s.span),
      text: back(s.text, s.textSpan),
      span: quoteOf(s.span, source),
      textSpan: s.textSpan && quoteOf(s.textSpan, source),
      ...(s.closingText !== undefined ? { closingText: back(s.closingText, s.closingSpan) } : {}),
      ...(s.closingSpan ? { closingSpan: quoteOf(s.closingSpan, source) } : {}),
    })),
    elements: doc.elements.map((e) => ({
      ...e,
      title: back(e.title, e.titleSpan),
      text: back(e.text, e.textSpan ?? e.span),
      span: quoteOf(e.span, source),
      titleSpan: quoteOf(e.titleSpan, source),
      ...(e.textSpan ? { textSpan: quoteOf(e.textSpan, source) } : {}),
      ...(e.period ? { period: { ...e.period, span: quoteOf(e.period.span, source) } } : {}),
      ...(e.columns
        ? {
            columns: e.columns.map((c) => ({
              ...c,
              value: source.slice(c.span.start, c.span.end),
              span: quoteOf(c.span, source),
            })),
          }
        : {}),
    })),
    appendices: doc.appendices.map((a) => ({
      ...a,
      title: back(a.title, a.titleSpan),
      text: back(a.text, a.span),
      span: quoteOf(a.span, source),
      titleSpan: quoteOf(a.titleSpan, source),
    })),
    leads,
    participations,
    responsibilityConvention: doc.responsibilityConvention && {
      ...doc.responsibilityConvention,
      span: quoteOf(doc.responsibilityConvention.span, source),
    },
    departments: doc.departments.map((d) => {
      const name = names.get(d.name) ?? d.name;
      return { ...d, id: `dept/${name}`, name };
    }),
  };
}
