/**
 * A whole outline written on one line: "一、开启新征程 二、指导思想和发展目标 (一)指导思想 …
 * 1.全面宣传… 2.加强…" — a table of contents flattened by a copy, or a page that lost its line
 * breaks. Each numbered piece becomes a paragraph of its own (same line number, its own offsets)
 * so the ladder reads it as it reads any outline. Only a run of intact markers that continue one
 * another, each after a blank, is split: a "1." inside a sentence never is.
 */
import type { ParseWarning } from '../model.ts';
import type { Genre } from '../seed-data.ts';
import type { Para } from './lines.ts';
import { markerAt } from './markers.ts';
import type { Marker } from './markers.ts';
import { SPACE, spaceAt } from './text.ts';

/** Fewest numbered pieces that make a line an outline. */
const MIN_PIECES = 4;

/** A run of blanks (text.ts SPACE): a paragraph is trimmed, so each run inside it ends before text. */
const BLANKS = new RegExp(`[${SPACE}]+`, 'g');

function markersAfterBlanks(text: string, p: Para, genre: Genre): Marker[] {
  const found: Marker[] = [];
  const own = markerAt(text, p.start, genre.quantityFollowers);
  if (own !== null && own.damage === null) found.push(own);
  // Each position right after a run of blanks: the regex finds them, not a call per character.
  BLANKS.lastIndex = p.start;
  for (let run = BLANKS.exec(text); run !== null && run.index < p.end; run = BLANKS.exec(text)) {
    const i = run.index + run[0].length;
    if (i <= p.start || i >= p.end) continue;
    const m = markerAt(text, i, genre.quantityFollowers);
    if (m !== null && m.damage === null && m.shape !== null) found.push(m);
  }
  return found;
}

/** Markers that continue one another (n then n+1 on the same rung) across the line. */
function sequenced(ms: readonly Marker[]): number {
  const last = new Map<string, number>();
  let linked = 0;
  for (const m of ms) {
    const k = m.shape ?? '';
    if (last.get(k) === m.number - 1 || m.number === 1) linked++;
    last.set(k, m.number);
  }
  return linked;
}

export function splitOneLineOutlines(
  text: string,
  paras: readonly Para[],
  genre: Genre,
): { paras: Para[]; warnings: ParseWarning[] } {
  const out: Para[] = [];
  const warnings: ParseWarning[] = [];
  for (const p of paras) {
    const ms = markersAfterBlanks(text, p, genre);
    if (ms.length < MIN_PIECES || sequenced(ms) < ms.length - 1) {
      out.push({ ...p, index: out.length });
      continue;
    }
    const cuts = ms.map((m) => m.start);
    if (cuts[0] !== p.start) cuts.unshift(p.start);
    cuts.forEach((s, k) => {
      let e = k + 1 < cuts.length ? cuts[k + 1]! : p.end;
      while (e > s && spaceAt(text, e - 1)) e--;
      if (e > s) out.push({ index: out.length, line: p.line, start: s, end: e, text: text.slice(s, e) });
    });
    warnings.push({
      code: 'OUTLINE_ON_ONE_LINE',
      message: `line ${p.line} holds ${ms.length} numbered items on one line (a table of contents or a copy that lost its line breaks); read one by one`,
      line: p.line,
    });
  }
  return { paras: out, warnings };
}
