/**
 * Element ids, built from context like Akoma Ntoso's eIds (readable, deterministic, stable for
 * the same text): `${plan}/${kind}-${number}` and `${task}/item-${number}`. When one kind's
 * numbers repeat in a plan (two sub-headings each numbering tasks from 1), the kind's ordinal
 * in the plan replaces the number in the id; `number` keeps what the text says.
 */
import type { ElementKind, ElementModel } from '../model.ts';
import { joined } from './draft.ts';
import type { Draft, Env } from './draft.ts';

const PREFIX: Readonly<Record<ElementKind, string>> = {
  Principle: 'principle',
  Goal: 'goal',
  Task: 'task',
  Guarantee: 'guarantee',
  SubItem: 'item',
  Step: 'step',
};

export function finishElements(drafts: readonly Draft[], env: Env): ElementModel[] {
  // Kinds whose numbers repeat in the plan, in one pass over the drafts.
  const numbers = new Map<ElementKind, Set<number>>();
  const repeated = new Set<ElementKind>();
  for (const d of drafts) {
    let seen = numbers.get(d.kind);
    if (seen === undefined) numbers.set(d.kind, (seen = new Set()));
    if (seen.has(d.number)) repeated.add(d.kind);
    else seen.add(d.number);
  }
  const ordinal = new Map<ElementKind, number>();
  const used = new Set<string>();
  return drafts.map((d, order) => {
    const k = (ordinal.get(d.kind) ?? 0) + 1;
    ordinal.set(d.kind, k);
    let id =
      d.kind === 'SubItem'
        ? `${d.parent!.id!}/item-${d.number}`
        : `${env.planId}/${PREFIX[d.kind]}-${!repeated.has(d.kind) ? d.number : k}`;
    // A sub-item list that repeats a number is damaged beyond the sequence; keep ids distinct.
    if (used.has(id)) id = `${id}-${order}`;
    used.add(id);
    d.id = id;
    const element: ElementModel = {
      id,
      kind: d.kind,
      number: d.number,
      marker: d.marker.raw,
      title: env.text.slice(d.titleRange[0], d.titleRange[1]),
      text: joined(env, d.textRange[0], d.textRange[1]),
      sectionId: d.sectionId,
      parentId: d.parent?.id ?? null,
      order,
      span: env.index.span(d.span[0], d.span[1]),
      titleSpan: env.index.span(d.titleRange[0], d.titleRange[1]),
      textSpan: env.index.span(d.textRange[0], d.textRange[1]),
    };
    // A Step's period comes last. Not a spread inside the literal: that builds every element the slow way.
    if (!d.period) return element;
    return {
      ...element,
      period: {
        from: d.period.from,
        to: d.period.to,
        span: env.index.span(d.period.start, d.period.end),
      },
    };
  });
}
