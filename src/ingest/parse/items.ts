/**
 * A task's sub-items written inline in its paragraph: "具体包括:1探索…;2创新…;(4)加强…;5探索…".
 * They are split by expected sequence 1, 2, 3 …: a candidate for number n must stand at a list
 * boundary (start of the list, or after ; 。 :) and carry exactly n, whatever brackets survived.
 * So "(2)承办好2018全国双创周" is not item 2018 (no boundary, wrong number), "紧盯4个方面" is no
 * item (a quantity), and "面向2035科技" stays inside its item.
 */
import type { Genre } from '../seed-data.ts';
import { markerAt } from './markers.ts';
import type { Marker, MarkerFamily } from './markers.ts';
import { alternation, compiledFor, isSpace, LIST_BOUNDARY, trimRange } from './text.ts';

export interface SubItemDraft {
  readonly marker: Marker;
  /** The sub-item's text without its marker and the separator after it. */
  readonly textStart: number;
  readonly textEnd: number;
}

export interface InlineSplit {
  readonly items: readonly SubItemDraft[];
  /** Where the list begins: the cue word if there is one, else the first marker. */
  readonly listStart: number;
  /** The cue word's offsets (具体包括), null when the list has none. */
  readonly cue: readonly [number, number] | null;
  /** Offsets of numbers the sequence skipped (SUBITEM_GAP) with what was expected. */
  readonly gaps: readonly { readonly offset: number; readonly expected: number; readonly found: string }[];
}

const SEPARATORS = '；;，,、';

/** The character before `pos`, blanks skipped, within [floor, pos). */
function before(text: string, pos: number, floor: number): string | null {
  let b = pos - 1;
  while (b >= floor && isSpace(text[b])) b--;
  return b >= floor ? text[b]! : null;
}

function candidate(
  text: string,
  pos: number,
  floor: number,
  n: number,
  family: MarkerFamily | null,
  q: readonly string[],
): Marker | null {
  const m = markerAt(text, pos, q);
  if (m === null || m.number !== n || (family !== null && m.family !== family)) return null;
  const b = before(text, pos, floor);
  if (b !== null && LIST_BOUNDARY.includes(b)) return m;
  // A whole bracketed marker is strong enough after a comma: "…,(3)实施…".
  if (
    b !== null &&
    '，,'.includes(b) &&
    m.damage === null &&
    (m.shape === 'arabic-paren' || m.shape === 'circled')
  )
    return m;
  return null;
}

function scan(
  text: string,
  from: number,
  end: number,
  floor: number,
  n: number,
  family: MarkerFamily | null,
  q: readonly string[],
): Marker | null {
  for (let p = from; p < end; p++) {
    const m = candidate(text, p, floor, n, family, q);
    if (m !== null) return m;
  }
  return null;
}

/** The list's first marker right after a cue word ("具体包括:1…"), or null. */
function afterCue(
  text: string,
  start: number,
  end: number,
  genre: Genre,
): { cue: [number, number]; first: Marker } | null {
  // Searched within the item only: a search that ran on to the end of the text would make the
  // parse quadratic in the number of items.
  const re = compiledFor(genre, 'subItemCues/g', () => new RegExp(alternation(genre.subItemCues), 'g'));
  re.lastIndex = 0;
  const item = text.slice(start, end);
  for (let hit = re.exec(item); hit !== null; hit = re.exec(item)) {
    const m = { index: start + hit.index, 0: hit[0] };
    let p = m.index + m[0].length;
    while (p < end && isSpace(text[p])) p++;
    if (':：'.includes(text[p] ?? '')) p++;
    while (p < end && isSpace(text[p])) p++;
    const first = markerAt(text, p, genre.quantityFollowers);
    if (first !== null && first.number === 1) return { cue: [m.index, m.index + m[0].length], first };
  }
  return null;
}

/** Splits the inline sub-items of the task text [start, end), or null when it has none. */
export function splitInline(text: string, start: number, end: number, genre: Genre): InlineSplit | null {
  const q = genre.quantityFollowers;
  const cued = afterCue(text, start, end, genre);
  let first = cued?.first ?? null;
  if (first === null) {
    // No cue (a task may list its items straight after its sentence): item 1 at a boundary,
    // and only believed when item 2 follows.
    for (let from = start + 1; from < end;) {
      const m = scan(text, from, end, start, 1, null, q);
      if (m === null) break;
      if (scan(text, m.bodyStart, end, start, 2, m.family, q) !== null) {
        first = m;
        break;
      }
      from = m.end;
    }
  }
  if (first === null) return null;

  const markers: Marker[] = [first];
  for (let n = 2; ; n++) {
    const next = scan(text, markers.at(-1)!.bodyStart, end, start, n, first.family, q);
    if (next === null) break;
    markers.push(next);
  }

  const items = markers.map((m, i) => {
    const stop = markers[i + 1]?.start ?? end;
    const [s, e] = trimRange(text, m.bodyStart, stop, SEPARATORS);
    return { marker: m, textStart: s, textEnd: e };
  });

  // A whole marker two ahead of the sequence means one was skipped ("…;2…;4…").
  const gaps: { offset: number; expected: number; found: string }[] = [];
  const last = markers.at(-1)!;
  for (let skip = 1; skip <= 2; skip++) {
    const ahead = scan(text, last.bodyStart, end, start, markers.length + 1 + skip, first.family, q);
    if (ahead !== null && ahead.damage === null) {
      gaps.push({ offset: ahead.start, expected: markers.length + 1, found: ahead.raw });
      break;
    }
  }

  return { items, listStart: cued?.cue[0] ?? first.start, cue: cued?.cue ?? null, gaps };
}
