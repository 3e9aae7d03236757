/**
 * Lead phrases. An item of this genre opens with its point: "1.坚持改革创新。坚定…" → 坚持改革创新;
 * a sub-item's title is its first clause: "(2加快建好科技工作者之家网——“科界”,打造…" →
 * 加快建好科技工作者之家网——“科界”. Marks inside quotes and book-title marks end nothing.
 */
import { CLAUSE_END, findAtDepthZero, SENTENCE_END, trimRange } from './text.ts';

const TRAILING = '，,；;：:、';

function phrase(text: string, start: number, limit: number, stops: string): [number, number] {
  const at = findAtDepthZero(text, start, limit, stops);
  const [s, e] = trimRange(text, start, at >= 0 ? at : limit, TRAILING);
  return e > s ? [s, e] : trimRange(text, start, limit);
}

/** Up to the first sentence end before `limit` (the end of the item's first paragraph, or its sub-items). */
export const sentenceTitle = (text: string, start: number, limit: number): [number, number] =>
  phrase(text, start, limit, SENTENCE_END);

/** Up to the first clause end before `limit`. */
export const clauseTitle = (text: string, start: number, limit: number): [number, number] =>
  phrase(text, start, limit, CLAUSE_END);
