/**
 * Lead units of a task: "(调宣部牵头)" / "(办公厅、信息中心牵头)" closing the task's paragraph,
 * or a line "牵头单位:XX、YY" as local governments' 任务分解 write it. The marker is not part of
 * the task's text; each unit named in it becomes a LEADS edge with the span of its name.
 */
import type { Genre } from '../seed-data.ts';
import { alternation, isSpace } from './text.ts';

export interface LeadName {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface LeadMarker {
  readonly form: 'inline' | 'line';
  /** Offsets of the whole marker: "(办公厅、信息中心牵头)" or "牵头单位:组人部". */
  readonly start: number;
  readonly end: number;
  readonly names: readonly LeadName[];
}

const cache = new WeakMap<Genre, { inline: RegExp; label: RegExp; anyLabel: RegExp }>();

function patterns(genre: Genre) {
  let hit = cache.get(genre);
  if (!hit) {
    const words = alternation(genre.leads.inlineWords);
    const labels = alternation(genre.leads.lineLabels);
    const all = alternation([...genre.leads.lineLabels, ...genre.leads.otherLabels]);
    hit = {
      // "(XX牵头)" or "(XX牵头,YY配合)" at the end of a paragraph, a full stop or blanks after.
      inline: new RegExp(
        `[(（]([^()（）\\n]{1,80}?)(?:${words})(?:[,，;；、][^()（）\\n]{0,60})?[)）][。.;；\\s\\u00a0\\u3000]*$`,
      ),
      // "牵头单位:XX" at the start of a line or after the end of a sentence.
      label: new RegExp(`(?:^|(?<=[。；;\\s\\u00a0\\u3000]))(?:${labels})[ \\u00a0\\u3000]*[:：]`, 'g'),
      anyLabel: new RegExp(`^(?:${all})[ \\u00a0\\u3000]*[:：]`),
    };
    cache.set(genre, hit);
  }
  return hit;
}

/** "(XX牵头)" closing the paragraph [start, end), or null. */
export function inlineLeadAtEnd(
  text: string,
  start: number,
  end: number,
  genre: Genre,
  known: ReadonlySet<string>,
): LeadMarker | null {
  const para = text.slice(start, end);
  const m = patterns(genre).inline.exec(para);
  if (m === null) return null;
  const namesStart = start + m.index + 1;
  const names = splitUnitNames(text, namesStart, namesStart + m[1]!.length, genre, known);
  if (names.length === 0) return null;
  let markerEnd = start + m.index + m[0].length;
  while (markerEnd > start && isSpace(text[markerEnd - 1])) markerEnd--;
  return { form: 'inline', start: start + m.index, end: markerEnd, names };
}

/** "牵头单位:XX、YY" in the paragraph [start, end) (a line of its own, or after a sentence), or null. */
export function labelLeadIn(
  text: string,
  start: number,
  end: number,
  genre: Genre,
  known: ReadonlySet<string>,
): LeadMarker | null {
  const para = text.slice(start, end);
  const re = patterns(genre).label;
  re.lastIndex = 0;
  const m = re.exec(para);
  if (m === null) return null;
  const valueStart = start + m.index + m[0].length;
  // The value runs to the end of the sentence or to the next label ("责任单位:").
  let valueEnd = valueStart;
  while (valueEnd < end && !'。；;\n'.includes(text[valueEnd]!)) {
    if (
      valueEnd > valueStart &&
      isSpace(text[valueEnd]) &&
      isAssignmentLabel(text.slice(valueEnd).trimStart(), genre)
    )
      break;
    valueEnd++;
  }
  const names = splitUnitNames(text, valueStart, valueEnd, genre, known);
  if (names.length === 0) return null;
  let markerEnd = valueEnd;
  while (markerEnd > valueStart && isSpace(text[markerEnd - 1])) markerEnd--;
  return { form: 'line', start: start + m.index, end: markerEnd, names };
}

/** A line that starts with an assignment label: 牵头单位:, 责任单位:, 完成时限: … */
export function isAssignmentLabel(line: string, genre: Genre): boolean {
  return patterns(genre).anyLabel.test(line);
}

/**
 * Splits "办公厅、信息中心" into units, keeping the offsets of each name. Punctuation always
 * separates; a conjunction (和, 及) only when every part it leaves is a known unit or ends like
 * one, so "人力资源和社会保障局" stays one unit.
 */
export function splitUnitNames(
  text: string,
  start: number,
  end: number,
  genre: Genre,
  known: ReadonlySet<string>,
): LeadName[] {
  const pieces: LeadName[] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || '、,，;；/／'.includes(text[i]!)) {
      pushTrimmed(text, s, i, genre, pieces);
      s = i + 1;
    }
  }
  return pieces.flatMap((piece) => splitOnConjunction(piece, genre, known));
}

function pushTrimmed(text: string, s: number, e: number, genre: Genre, out: LeadName[]): void {
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  for (const pre of genre.leads.namePrefixes)
    if (text.startsWith(pre, s) && e - s > pre.length) s += pre.length;
  for (const suf of genre.leads.nameSuffixes)
    if (text.slice(s, e).endsWith(suf) && e - s > suf.length) e -= suf.length;
  if (e > s) out.push({ name: text.slice(s, e), start: s, end: e });
}

const looksLikeUnit = (name: string, genre: Genre, known: ReadonlySet<string>): boolean =>
  known.has(name) || genre.leads.unitSuffixes.some((suf) => name.length > suf.length && name.endsWith(suf));

function splitOnConjunction(piece: LeadName, genre: Genre, known: ReadonlySet<string>): LeadName[] {
  if (known.has(piece.name)) return [piece];
  for (const conj of genre.leads.conjunctions) {
    const at = piece.name.indexOf(conj);
    if (at <= 0) continue;
    const left: LeadName = { name: piece.name.slice(0, at), start: piece.start, end: piece.start + at };
    const rightStart = piece.start + at + conj.length;
    const right: LeadName = { name: piece.name.slice(at + conj.length), start: rightStart, end: piece.end };
    if (right.name === '' || !looksLikeUnit(left.name, genre, known)) continue;
    const rest = splitOnConjunction(right, genre, known);
    if (rest.every((r) => looksLikeUnit(r.name, genre, known))) return [left, ...rest];
  }
  return [piece];
}
