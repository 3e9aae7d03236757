/**
 * A task's sub-items written inline in its paragraph: "具体包括:1探索…;2创新…;(4)加强…;5探索…".
 * They are split by expected sequence 1, 2, 3 …: a candidate for number n must stand at a list
 * boundary (start of the list, or after ; 。 :) and carry exactly n, whatever brackets survived.
 * So "(2)承办好2018全国双创周" is not item 2018 (no boundary, wrong number), "紧盯4个方面" is no
 * item (a quantity), and "面向2035科技" stays inside its item.
 */
import type { Genre } from '../seed-data.ts';
import { markerAt, markersIn } from './markers.ts';
import type { Marker, MarkerFamily } from './markers.ts';
import { alternation, compiledFor, LIST_BOUNDARY, spaceAt, trimRange } from './text.ts';

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
  while (b >= floor && spaceAt(text, b)) b--;
  return b >= floor ? text[b]! : null;
}

function candidate(
  text: string,
  m: Marker,
  floor: number,
  n: number,
  family: MarkerFamily | null,
): Marker | null {
  if (m.number !== n || (family !== null && m.family !== family)) return null;
  const b = before(text, m.start, floor);
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

/**
 * The task text's markers (markersIn), read once: every search for item n walks them from a
 * position on, instead of trying each character of the text again.
 */
class Scanner {
  private readonly markers: readonly Marker[];

  constructor(
    private readonly text: string,
    private readonly start: number,
    end: number,
    q: readonly string[],
  ) {
    this.markers = markersIn(text, start, end, q);
  }

  /** The first marker at or after `from` that can be item n of `family` (any family when null). */
  scan(from: number, n: number, family: MarkerFamily | null): Marker | null {
    for (const m of this.markers) {
      if (m.start < from) continue;
      const c = candidate(this.text, m, this.start, n, family);
      if (c !== null) return c;
    }
    return null;
  }
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
    while (p < end && spaceAt(text, p)) p++;
    if (':：'.includes(text[p] ?? '')) p++;
    while (p < end && spaceAt(text, p)) p++;
    const first = markerAt(text, p, genre.quantityFollowers);
    if (first !== null && first.number === 1) return { cue: [m.index, m.index + m[0].length], first };
  }
  return null;
}

/** Splits the inline sub-items of the task text [start, end), or null when it has none. */
export function splitInline(text: string, start: number, end: number, genre: Genre): InlineSplit | null {
  const cued = afterCue(text, start, end, genre);
  let first = cued?.first ?? null;
  const markers = new Scanner(text, start, end, genre.quantityFollowers);
  if (first === null) {
    // No cue (a task may list its items straight after its sentence): item 1 at a boundary,
    // and only believed when item 2 follows.
    for (let from = start + 1; from < end;) {
      const m = markers.scan(from, 1, null);
      if (m === null) break;
      if (markers.scan(m.bodyStart, 2, m.family) !== null) {
        first = m;
        break;
      }
      from = m.end;
    }
  }
  if (first === null) return null;

  const found: Marker[] = [first];
  for (let n = 2; ; n++) {
    const next = markers.scan(found.at(-1)!.bodyStart, n, first.family);
    if (next === null) break;
    found.push(next);
  }

  const items = found.map((m, i) => {
    const stop = found[i + 1]?.start ?? end;
    const [s, e] = trimRange(text, m.bodyStart, stop, SEPARATORS);
    return { marker: m, textStart: s, textEnd: e };
  });

  // A whole marker two ahead of the sequence means one was skipped ("…;2…;4…").
  const gaps: { offset: number; expected: number; found: string }[] = [];
  const last = found.at(-1)!;
  for (let skip = 1; skip <= 2; skip++) {
    const ahead = markers.scan(last.bodyStart, found.length + 1 + skip, first.family);
    if (ahead !== null && ahead.damage === null) {
      gaps.push({ offset: ahead.start, expected: found.length + 1, found: ahead.raw });
      break;
    }
  }

  return { items, listStart: cued?.cue[0] ?? first.start, cue: cued?.cue ?? null, gaps };
}
