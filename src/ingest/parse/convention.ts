/**
 * The document's own word on who leads among the units an annotation names: "（税务总局、财政部、
 * 海关总署负责，排在第一位的部门为牵头部门，下同）", "…负责。列第一位者为牵头单位，下同", or a
 * sentence of the preamble. Under it the first unit of each annotation it covers leads and the
 * others take part; without it every unit of a "负责" annotation is read as a lead, and the
 * reader is told so. The shape is a firstWords phrase followed, within a few characters, by a
 * leadWords word (genre.json's `responsibility`).
 */
import type { Genre } from '../seed-data.ts';
import type { LeadMarker } from './leads.ts';
import { alternation } from './text.ts';

export interface Convention {
  /** FIRST_LEADS: the first unit named leads, the others take part. */
  readonly rule: 'FIRST_LEADS';
  /** Offsets of the statement in the text ("排在第一位的部门为牵头部门，下同"). */
  readonly start: number;
  readonly end: number;
  /** Annotations from here on are covered: the start of the paragraph that states it. */
  readonly from: number;
}

const cache = new WeakMap<Genre, RegExp>();

function pattern(genre: Genre): RegExp {
  let re = cache.get(genre);
  if (re) return re;
  const r = genre.responsibility;
  // "排在第一位的部门为牵头部门" / "列第一位者为牵头单位": a few characters between the two words
  // (部门, 单位, 者, 为), none of them a sentence or bracket boundary.
  const gap = '[^。；;，,、()（）\\n]{0,8}?';
  re = new RegExp(
    `(?:${alternation(r.firstWords)})${gap}(?:${alternation(r.leadWords)})[^。；;，,()（）\\n]{0,6}?` +
      `(?:[,，][ \\u3000]*(?:${alternation(r.sameWords)}))?(?=[。；;，,)）\\n]|$)`,
  );
  cache.set(genre, re);
  return re;
}

/** The first stated convention in the text, or null. Linear: one regular-expression scan. */
export function findConvention(text: string, genre: Genre): Convention | null {
  const m = pattern(genre).exec(text);
  if (m === null) return null;
  const nl = text.lastIndexOf('\n', m.index);
  return { rule: 'FIRST_LEADS', start: m.index, end: m.index + m[0].length, from: nl + 1 };
}

/**
 * Leads and participants of one annotation under the convention: an inline list ("X、Y、Z负责")
 * it covers gives X the lead and Y, Z the convention's taking-part role. Labelled annotations
 * (牵头单位:/配合单位:) say it themselves and are left as written.
 */
export function underConvention(m: LeadMarker, c: Convention | null, genre: Genre): LeadMarker {
  if (c === null || m.form !== 'inline' || m.word == null || m.start < c.from || m.names.length < 2) return m;
  const [first, ...rest] = m.names;
  return {
    ...m,
    names: [first!],
    participants: [...rest.map((n) => ({ ...n, role: genre.responsibility.otherRole })), ...m.participants],
  };
}
