/**
 * User text → a Lucene query for the CJK full-text index. Every whitespace-separated term becomes
 * an exact phrase ("四服务" must match 四服+服务 adjacent, not any text with 服务), all terms must
 * match, and every Lucene special character is escaped so input is never syntax.
 */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(text: string): string {
  return text.replace(SPECIAL, (ch) => `\\${ch}`);
}

/** Splits on white space; null when nothing searchable is left. */
export function toLuceneQuery(input: string): string | null {
  const terms = input
    .split(/[\s\u3000]+/u)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (terms.length === 0) return null;
  return terms.map((t) => `"${escapeLucene(t)}"`).join(' AND ');
}

/** The passage around the first match with every match wrapped in 【】; the start of the text if none matches. */
export function snippet(text: string, input: string, radius = 30): string {
  const terms = input
    .split(/[\s\u3000]+/u)
    .filter((t) => t !== '')
    .map((t) => t.toLowerCase());
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0), Infinity);
  if (first === Infinity) return text.length > radius * 2 ? `${text.slice(0, radius * 2)}…` : text;
  const from = Math.max(0, first - radius);
  const to = Math.min(text.length, first + radius * 2);
  // One pass over the text with every term at once (longest first): a term repeated in the input,
  // or one inside another, marks each match once instead of nesting marks (【【…】】).
  const unique = [...new Set(terms)].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(unique.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  const out = text.slice(from, to).replace(pattern, (m) => `【${m}】`);
  return `${from > 0 ? '…' : ''}${out}${to < text.length ? '…' : ''}`;
}
