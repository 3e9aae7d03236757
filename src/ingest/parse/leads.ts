/**
 * Who leads a task and who takes part, in the forms plans of this genre write them:
 *   "(调宣部牵头)", "(办公厅、信息中心牵头)", "(X牵头,Y配合)", "(X负责)"   closing the paragraph;
 *   "(牵头部门:X)", "(牵头单位:X,配合单位:Y)", "(牵头单位:X;责任单位:Y)"  labels in a bracket;
 *   "牵头单位:X" / "责任单位:Y" / "配合单位:Z"                          lines (or sentences) of their own;
 *   "…由X负责。"                                                      a closing clause.
 * The words (牵头, 配合单位 → role 配合, …) are genre.json's. A marker is not part of the task's
 * text; each unit named in it becomes a LEADS or PARTICIPATES edge with the span of its name,
 * kept exactly as written.
 */
import type { Genre } from '../seed-data.ts';
import { alternation, spaceAt } from './text.ts';

export interface LeadName {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface ParticipantName extends LeadName {
  readonly role: string;
}

export interface LeadMarker {
  readonly form: 'inline' | 'line';
  /** Offsets of the whole marker: "(办公厅、信息中心牵头)" or "牵头单位:组人部". */
  readonly start: number;
  readonly end: number;
  /** Lead units (LEADS); may be empty when the marker names participants only. */
  readonly names: readonly LeadName[];
  /** Units that take part (PARTICIPATES), with their role. */
  readonly participants: readonly ParticipantName[];
  /** The inline word that assigns the units ("负责", "牵头"); null for labels and clauses. */
  readonly word?: string | null;
}

interface Patterns {
  /** A bracket closing the paragraph: its inside is read by `readBracket`. */
  readonly bracket: RegExp;
  /** "names + 牵头" (+ ", anything") as the whole inside of a bracket. */
  readonly inline: RegExp;
  /** The tail after a lead: "names + 配合". */
  readonly tail: RegExp;
  /** "由X负责。" closing the paragraph. */
  readonly clause: RegExp;
  /** Any assignment label with its colon, global. */
  readonly label: RegExp;
  /** An assignment label opening a line. */
  readonly anyLabel: RegExp;
  /** Label word → role ('' for a lead label, null for a label that names no unit: 完成时限). */
  readonly roles: ReadonlyMap<string, string | null>;
  /** Inline participant word → role. */
  readonly inlineRoles: ReadonlyMap<string, string>;
  /** "X会同Y": X leads, Y takes part. */
  readonly joint: RegExp;
  /** Any inline lead word (牵头, 负责): a text without one holds no "names + word" annotation. */
  readonly leadWord: RegExp;
}

const cache = new WeakMap<Genre, Patterns>();
const BLANK = '[ \\u00a0\\u3000]*';

function patterns(genre: Genre): Patterns {
  let hit = cache.get(genre);
  if (hit) return hit;
  const g = genre.leads;
  const roles = new Map<string, string | null>();
  for (const l of g.lineLabels) roles.set(l, '');
  for (const p of g.participants) for (const l of p.labels) roles.set(l, p.role);
  for (const l of g.otherLabels) roles.set(l, null);
  const inlineRoles = new Map<string, string>();
  for (const p of g.participants) for (const w of p.inlineWords) inlineRoles.set(w, p.role);
  const leadWords = alternation(g.inlineWords);
  const partWords = inlineRoles.size > 0 ? alternation([...inlineRoles.keys()]) : '(?!)';
  const labels = alternation([...roles.keys()]);
  hit = {
    bracket: /[(（]([^()（）\n]{1,160})[)）][。.;；\s\u00a0\u3000]*$/,
    inline: new RegExp(
      `^(.{1,200}?)(${leadWords})(?:${BLANK}[,，;；、。]${BLANK}(.{0,60}?))?${BLANK}[。.]?$`,
    ),
    tail: new RegExp(`^(.{1,80}?)(${partWords})${BLANK}[。.]?$`),
    clause: new RegExp(`(?<=[。；;，,]|^)${BLANK}由([^。；;，,()（）\\n]{2,60}?)负责[。.]?${BLANK}$`),
    label: new RegExp(`(?:${labels})${BLANK}[:：]`, 'g'),
    anyLabel: new RegExp(`^[(（]?(?:${labels})${BLANK}[:：]`),
    joint:
      genre.responsibility.jointWords.length > 0
        ? new RegExp(alternation(genre.responsibility.jointWords))
        : /(?!)/,
    leadWord: new RegExp(leadWords),
    roles,
    inlineRoles,
  };
  cache.set(genre, hit);
  return hit;
}

const empty = (m: LeadMarker): boolean => m.names.length === 0 && m.participants.length === 0;

/**
 * Labelled values in [start, end): "牵头单位:X,配合单位:Y" → X leads, Y takes part. A value runs
 * to the next label, or to the end of its sentence.
 */
function readLabels(
  text: string,
  start: number,
  end: number,
  genre: Genre,
  known: ReadonlySet<string>,
  atLineStartOnly: boolean,
): { names: LeadName[]; participants: ParticipantName[]; first: number; last: number } | null {
  const p = patterns(genre);
  const re = p.label;
  re.lastIndex = 0;
  const slice = text.slice(start, end);
  const hits: { at: number; valueStart: number; role: string | null }[] = [];
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    const at = start + m.index;
    // A label opens the line, a bracket, or follows the end of a sentence or another value.
    const before = at > start ? text[at - 1]! : '';
    if (atLineStartOnly && hits.length === 0 && at > start && !/[。；;\s\u00a0\u3000(（]/.test(before))
      continue;
    const word = m[0].replace(/[ \u00a0\u3000]*[:：]$/, '');
    hits.push({ at, valueStart: at + m[0].length, role: p.roles.get(word) ?? null });
  }
  if (hits.length === 0) return null;
  const names: LeadName[] = [];
  const participants: ParticipantName[] = [];
  let last = hits[0]!.valueStart;
  hits.forEach((h, k) => {
    let valueEnd = hits[k + 1]?.at ?? end;
    const stop = text.slice(h.valueStart, valueEnd).search(/[。\n]/);
    if (stop >= 0) valueEnd = h.valueStart + stop;
    // Separators between one value and the next label belong to neither.
    let e = valueEnd;
    while (e > h.valueStart && /[,，;；、\s\u00a0\u3000]/.test(text[e - 1]!)) e--;
    last = Math.max(last, e);
    if (h.role === null) return;
    const units = splitUnitNames(text, h.valueStart, e, genre, known);
    if (h.role === '') names.push(...units.filter((u) => !collective(u.name, genre)));
    else
      participants.push(
        ...units.filter((u) => !collective(u.name, genre)).map((u) => ({ ...u, role: h.role! })),
      );
  });
  return { names, participants, first: hits[0]!.at, last };
}

/** A lead bracket or clause closing the paragraph [start, end), or null. */
export function inlineLeadAtEnd(
  text: string,
  start: number,
  end: number,
  genre: Genre,
  known: ReadonlySet<string>,
): LeadMarker | null {
  const p = patterns(genre);
  const para = text.slice(start, end);
  const b = p.bracket.exec(para);
  if (b !== null) {
    const open = start + b.index;
    let markerEnd = open + b[0].length;
    while (markerEnd > open && spaceAt(text, markerEnd - 1)) markerEnd--;
    const m = readBracket(text, open, open + 1 + b[1]!.length, markerEnd, genre, known);
    if (m !== null) return m;
  }
  const c = p.clause.exec(para);
  if (c !== null) {
    const nameStart = start + c.index + c[0].indexOf('由') + 1;
    const names = splitUnitNames(text, nameStart, nameStart + c[1]!.length, genre, known);
    // "由各地负责" names no unit: only names that end like a unit (or are known) count.
    if (names.length > 0 && names.every((n) => looksLikeUnit(n.name, genre, known))) {
      let markerEnd = start + c.index + c[0].length;
      while (markerEnd > start && spaceAt(text, markerEnd - 1)) markerEnd--;
      return { form: 'inline', start: nameStart - 1, end: markerEnd, names, participants: [] };
    }
  }
  return null;
}

/**
 * The inside of one bracket, (inStart = open + 1, inEnd): labels ("牵头单位:X,配合单位:Y") or
 * "names + 牵头/负责" with an optional tail ("Y配合", or the document's convention "排在第一位的…").
 * "X会同Y负责": X leads, Y takes part. Collectives (各地区, 有关部门) name no unit: a bracket of
 * collectives only is still the annotation, with no unit.
 */
function readBracket(
  text: string,
  open: number,
  inEnd: number,
  markerEnd: number,
  genre: Genre,
  known: ReadonlySet<string>,
): LeadMarker | null {
  const p = patterns(genre);
  const inStart = open + 1;
  const inside = text.slice(inStart, inEnd);
  const labelled = readLabels(text, inStart, inEnd, genre, known, false);
  if (labelled !== null && labelled.first === inStart) {
    const m: LeadMarker = {
      form: 'inline',
      start: open,
      end: markerEnd,
      names: labelled.names,
      participants: labelled.participants,
      word: null,
    };
    return empty(m) ? null : m;
  }
  const inl = p.inline.exec(inside);
  if (inl === null) return null;
  let namesEnd = inStart + inl[1]!.length;
  let participants: ParticipantName[] = [];
  const joint = p.joint.exec(inl[1]!);
  if (joint !== null) {
    const js = inStart + joint.index;
    participants = splitUnitNames(text, js + joint[0].length, namesEnd, genre, known)
      .filter((u) => !collective(u.name, genre))
      .map((u) => ({ ...u, role: genre.responsibility.jointRole }));
    namesEnd = js;
  }
  const all = splitUnitNames(text, inStart, namesEnd, genre, known);
  // "(各地负责)" names no unit: with a word other than 牵头 the names must look like units.
  // A list of several names passes when most of them look like units (人民银行, 全国妇联 end
  // otherwise); "(区、市)" does not.
  const strict = !inl[2]!.includes('牵头');
  const unitLike = all.filter((n) => looksLikeUnit(n.name, genre, known)).length;
  const units = !strict || unitLike === all.length || (all.length >= 3 && unitLike * 2 >= all.length);
  if (all.length === 0 || !units) return null;
  const t = inl[3] ? p.tail.exec(inl[3]) : null;
  if (t !== null) {
    const ps = inEnd - inside.length + inside.lastIndexOf(inl[3]!);
    const role = p.inlineRoles.get(t[2]!)!;
    participants = splitUnitNames(text, ps, ps + t[1]!.length, genre, known)
      .filter((u) => !collective(u.name, genre))
      .map((u) => ({ ...u, role }));
  }
  const names = all.filter((n) => !collective(n.name, genre));
  return { form: 'inline', start: open, end: markerEnd, names, participants, word: inl[2]! };
}

/**
 * Annotations standing inside the paragraph [start, end) rather than closing it: "…。(X负责)加强…
 * (Y、Z负责)…". Only "names + 牵头/负责" brackets whose names all look like units count, so an
 * aside such as "(区、市)" is never read as one.
 */
export function leadsWithin(
  text: string,
  start: number,
  end: number,
  genre: Genre,
  known: ReadonlySet<string>,
): LeadMarker[] {
  const out: LeadMarker[] = [];
  const re = /[(（]([^()（）\n]{1,160})[)）]/g;
  const para = text.slice(start, end);
  // Only "names + 牵头/负责" brackets count (r.word below): no such word, no such bracket.
  if (!patterns(genre).leadWord.test(para)) return out;
  for (let m = re.exec(para); m !== null; m = re.exec(para)) {
    const open = start + m.index;
    const r = readBracket(text, open, open + 1 + m[1]!.length, open + m[0].length, genre, known);
    if (r !== null && r.word !== null && r.names.every((n) => looksLikeUnit(n.name, genre, known)))
      out.push(r);
  }
  return out;
}

/** "牵头单位:XX、YY" / "责任单位:ZZ" in the paragraph [start, end) (a line of its own, or after a sentence), or null. */
export function labelLeadIn(
  text: string,
  start: number,
  end: number,
  genre: Genre,
  known: ReadonlySet<string>,
): LeadMarker | null {
  const r = readLabels(text, start, end, genre, known, true);
  if (r === null) return null;
  const m: LeadMarker = {
    form: 'line',
    start: r.first,
    end: r.last,
    names: r.names,
    participants: r.participants,
  };
  return empty(m) ? null : m;
}

/** A line that starts with an assignment label: 牵头单位:, 责任单位:, 完成时限: … */
export function isAssignmentLabel(line: string, genre: Genre): boolean {
  return patterns(genre).anyLabel.test(line);
}

const UNIT_SEPARATORS = new Set([...'、,，;；/／'].map((c) => c.charCodeAt(0)));

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
    if (i === end || UNIT_SEPARATORS.has(text.charCodeAt(i))) {
      pushTrimmed(text, s, i, genre, pieces);
      s = i + 1;
    }
  }
  return pieces.flatMap((piece) => splitAtEtc(piece, genre, known));
}

/**
 * "商务部等有关部门", "文化和旅游部等和各有关省级人民政府": a unit, then 等 and more units or a
 * collective. The unit before 等 is kept; what follows is split again (collectives are dropped by
 * the caller).
 */
function splitAtEtc(piece: LeadName, genre: Genre, known: ReadonlySet<string>): LeadName[] {
  for (const suf of genre.leads.nameSuffixes) {
    const at = piece.name.indexOf(suf);
    if (at <= 0 || at + suf.length >= piece.name.length) continue;
    const left: LeadName = { name: piece.name.slice(0, at), start: piece.start, end: piece.start + at };
    let restAt = at + suf.length;
    const conj = genre.leads.conjunctions.find((c) => piece.name.startsWith(c, restAt));
    if (conj !== undefined) restAt += conj.length;
    const rest = piece.name.slice(restAt);
    if (!looksLikeUnit(left.name, genre, known) || rest === '') continue;
    if (conj === undefined && !collective(rest, genre)) continue;
    const right: LeadName = { name: rest, start: piece.start + restAt, end: piece.end };
    return [...splitOnConjunction(left, genre, known), ...splitAtEtc(right, genre, known)];
  }
  return splitOnConjunction(piece, genre, known);
}

function pushTrimmed(text: string, s: number, e: number, genre: Genre, out: LeadName[]): void {
  while (s < e && spaceAt(text, s)) s++;
  while (e > s && spaceAt(text, e - 1)) e--;
  for (const pre of genre.leads.namePrefixes)
    if (text.startsWith(pre, s) && e - s > pre.length) s += pre.length;
  for (const suf of genre.leads.nameSuffixes)
    if (text.slice(s, e).endsWith(suf) && e - s > suf.length) e -= suf.length;
  if (e > s) out.push({ name: text.slice(s, e), start: s, end: e });
}

/** "各部门", "有关单位": every unit of a kind, not one unit. */
const collective = (name: string, genre: Genre): boolean =>
  genre.leads.collectivePrefixes.some((p) => name.startsWith(p)) || genre.leads.genericUnits.includes(name);

const looksLikeUnit = (name: string, genre: Genre, known: ReadonlySet<string>): boolean =>
  known.has(name) || genre.leads.unitSuffixes.some((suf) => name.length > suf.length && name.endsWith(suf));

function splitOnConjunction(piece: LeadName, genre: Genre, known: ReadonlySet<string>): LeadName[] {
  if (known.has(piece.name)) return [piece];
  for (const conj of genre.leads.conjunctions) {
    const at = piece.name.indexOf(conj);
    if (at <= 0) continue;
    // "商务部等和各有关省级人民政府": the left part ends at its 等.
    let leftEnd = at;
    for (const suf of genre.leads.nameSuffixes)
      if (piece.name.slice(0, leftEnd).endsWith(suf) && leftEnd > suf.length) leftEnd -= suf.length;
    const left: LeadName = {
      name: piece.name.slice(0, leftEnd),
      start: piece.start,
      end: piece.start + leftEnd,
    };
    const rightStart = piece.start + at + conj.length;
    const right: LeadName = { name: piece.name.slice(at + conj.length), start: rightStart, end: piece.end };
    if (right.name === '' || !looksLikeUnit(left.name, genre, known)) continue;
    const rest = splitOnConjunction(right, genre, known);
    if (rest.every((r) => looksLikeUnit(r.name, genre, known))) return [left, ...rest];
  }
  return [piece];
}
