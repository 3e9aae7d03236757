/**
 * A task: its lead marker ("(调宣部牵头)" or "牵头单位:" lines), the text it owns, and its
 * sub-items — numbered lines under it, or a list written inline in its paragraph (items.ts).
 * The lead marker and assignment lines (责任单位:, 完成时限:) are part of the item's span but
 * not of its text, nor of its last sub-item's.
 */
import type { ParseWarning } from '../model.ts';
import { newDraft, subtreeParas } from './draft.ts';
import type { Draft, Env } from './draft.ts';
import { splitInline } from './items.ts';
import { inlineLeadAtEnd, isAssignmentLabel, labelLeadIn, leadsWithin } from './leads.ts';
import type { LeadMarker } from './leads.ts';
import type { Para } from './lines.ts';
import { describeDamage } from './markers.ts';
import type { Marker } from './markers.ts';
import type { Block } from './outline.ts';
import { alternation, compiledFor, trimRange } from './text.ts';
import { clauseTitle, sentenceTitle } from './titles.ts';

interface TaskShape {
  /** End of the item's own text (before the lead marker and assignment lines). */
  readonly contentEnd: number;
  /** End of everything that belongs to the item (lead marker and assignment lines included). */
  readonly itemEnd: number;
  readonly lead: LeadMarker | null;
  /** Paragraphs after the item's lead: text the task does not own. */
  readonly trailing: readonly Para[];
  /** Other annotations inside the item's text or its sub-items' ("…(X负责)加强…(Y负责)"). */
  readonly more: readonly LeadMarker[];
}

/** Finds a task's lead marker (the first in its paragraphs) and where its own text ends. */
function shapeTask(env: Env, b: Block): TaskShape {
  const all = subtreeParas(b);
  let lead: LeadMarker | null = null;
  let leadAt = -1;
  for (let k = 0; k < all.length && lead === null; k++) {
    const p = all[k]!;
    lead =
      inlineLeadAtEnd(env.text, p.start, p.end, env.genre, env.known) ??
      labelLeadIn(env.text, p.start, p.end, env.genre, env.known);
    if (lead !== null) leadAt = k;
  }
  const firstLabel = all.findIndex((p, k) => k > 0 && isAssignmentLabel(p.text, env.genre));
  let ownEnd = leadAt >= 0 ? leadAt : all.length - 1;
  while (ownEnd + 1 < all.length && isAssignmentLabel(all[ownEnd + 1]!.text, env.genre)) {
    ownEnd++;
    // "牵头单位:X" then "责任单位:Y" on lines of their own: one assignment, read line by line.
    const p = all[ownEnd]!;
    const more = labelLeadIn(env.text, p.start, p.end, env.genre, env.known);
    if (more !== null && lead !== null) lead = merge(lead, more);
    else if (more !== null) lead = more;
  }
  const itemEnd = all[ownEnd]!.end;
  let contentEnd = lead ? Math.min(lead.start, itemEnd) : itemEnd;
  if (firstLabel >= 0 && firstLabel <= ownEnd) contentEnd = Math.min(contentEnd, all[firstLabel]!.start);
  const [, e] = trimRange(env.text, b.marker.bodyStart, contentEnd);
  const more = all
    .slice(0, ownEnd + 1)
    .flatMap((p) => leadsWithin(env.text, p.start, p.end, env.genre, env.known))
    .filter((m) => lead === null || m.end <= lead.start || m.start >= lead.end);
  return {
    contentEnd: Math.max(e, b.marker.bodyStart),
    itemEnd,
    lead,
    trailing: all.slice(ownEnd + 1),
    more,
  };
}

/** Two assignment markers of one task as one: leads and participants of both, in text order. */
function merge(a: LeadMarker, b: LeadMarker): LeadMarker {
  return {
    form: a.form,
    start: Math.min(a.start, b.start),
    end: Math.max(a.end, b.end),
    names: [...a.names, ...b.names],
    participants: [...a.participants, ...b.participants],
  };
}

interface SubDraft {
  readonly marker: Marker;
  readonly range: [number, number];
  readonly title: [number, number];
}

interface SubItems {
  readonly subs: SubDraft[];
  /** Where the list begins (its cue or first marker); the task's title stops before it. */
  readonly listStart: number;
  readonly emptyCue: boolean;
}

function subItems(env: Env, b: Block, contentEnd: number, warnings: ParseWarning[]): SubItems {
  const { text, index } = env;
  if (b.children.length > 0) {
    const subs = b.children.map((c) => {
      const end = Math.min(subtreeParas(c).at(-1)!.end, contentEnd);
      const range = trimRange(text, c.marker.bodyStart, end, '；;，,、');
      return { marker: c.marker, range, title: clauseTitle(text, range[0], Math.min(c.head.end, range[1])) };
    });
    return { subs, listStart: b.children[0]!.marker.start, emptyCue: false };
  }
  const split = splitInline(text, b.marker.bodyStart, contentEnd, env.genre);
  if (split) {
    for (const it of split.items) {
      if (it.marker.damage === null) continue;
      warnings.push({
        code: 'NUMBER_REPAIRED',
        message: `${describeDamage(it.marker)}; read as sub-item ${it.marker.number} of task ${b.number} by the expected sequence`,
        line: index.lineAt(it.marker.start),
      });
    }
    for (const g of split.gaps) {
      warnings.push({
        code: 'SUBITEM_GAP',
        message: `task ${b.number}: expected sub-item ${g.expected}, found "${g.found}"; kept inside the sub-item before it`,
        line: index.lineAt(g.offset),
      });
    }
    const subs = split.items.map((it) => ({
      marker: it.marker,
      range: [it.textStart, it.textEnd] as [number, number],
      title: clauseTitle(text, it.textStart, it.textEnd),
    }));
    return { subs, listStart: split.listStart, emptyCue: false };
  }
  // A cue with nothing numbered after it: the list was lost or never numbered.
  const cues = compiledFor(env.genre, 'subItemCues', () => new RegExp(alternation(env.genre.subItemCues)));
  const cue = cues.exec(text.slice(b.marker.bodyStart, contentEnd));
  if (!cue) return { subs: [], listStart: contentEnd, emptyCue: false };
  const listStart = b.marker.bodyStart + cue.index;
  warnings.push({
    code: 'SUBITEMS_UNNUMBERED',
    message: `task ${b.number}: "${cue[0]}" is followed by no numbered sub-item`,
    line: index.lineAt(listStart),
  });
  return { subs: [], listStart, emptyCue: true };
}

export interface TaskDrafts {
  /** The task first, then its sub-items. */
  readonly drafts: Draft[];
  /** Paragraphs after the lead marker that the task does not own (empty if none). */
  readonly trailing: readonly Para[];
}

export function draftTask(env: Env, b: Block, sectionId: string, warnings: ParseWarning[]): TaskDrafts {
  const { text } = env;
  const t = shapeTask(env, b);
  const { subs, listStart, emptyCue } = subItems(env, b, t.contentEnd, warnings);
  const titleLimit = Math.min(b.head.end, t.contentEnd, listStart);
  const task: Draft = newDraft({
    kind: 'Task',
    number: b.number,
    marker: b.marker,
    sectionId,
    parent: null,
    span: [b.marker.start, t.itemEnd],
    textRange: trimRange(text, b.marker.bodyStart, t.contentEnd),
    titleRange: sentenceTitle(
      text,
      b.marker.bodyStart,
      titleLimit > b.marker.bodyStart ? titleLimit : b.head.end,
    ),
    lead: t.lead,
    more: t.more,
    facts: { hasLead: t.lead !== null, emptyCue },
  });
  if ((t.lead === null || t.lead.names.length === 0) && t.more.every((m) => m.names.length === 0)) {
    warnings.push({
      code: 'LEAD_MISSING',
      message: `task ${b.number} names no lead unit`,
      line: b.head.line,
    });
  }
  const drafts: Draft[] = [task];
  for (const s of subs) {
    drafts.push(
      newDraft({
        kind: 'SubItem',
        number: s.marker.number,
        marker: s.marker,
        sectionId,
        parent: task,
        span: [s.marker.start, s.range[1]],
        textRange: s.range,
        titleRange: s.title,
        lead: null,
        facts: { hasLead: false, emptyCue: false },
      }),
    );
  }
  return { drafts, trailing: t.trailing };
}
