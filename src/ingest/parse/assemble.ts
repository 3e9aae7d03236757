/**
 * Outline nodes → the model's sections, elements and leads. Sections take ids from their place
 * (`${plan}/sec-2/sec-1`), elements from ids.ts; tasks are shaped in task.ts.
 */
import type {
  ElementKind,
  ElementModel,
  LeadModel,
  ParseWarning,
  ParticipationModel,
  SectionModel,
} from '../model.ts';
import type { SectionItemKind } from '../seed-data.ts';
import type { OutlineNode } from './classify.ts';
import { joined, newDraft, subtreeParas } from './draft.ts';
import type { Draft, ElementFacts, Env } from './draft.ts';
import { underConvention } from './convention.ts';
import { finishElements } from './ids.ts';
import type { LeadMarker } from './leads.ts';
import { datePeriods, splitUnnumberedSteps } from './steps.ts';
import type { Block } from './outline.ts';
import { draftTask } from './task.ts';
import { alternation, compiledFor, excerpt, SENTENCE_END, trimRange } from './text.ts';
import { headingWords, kindOfHeading } from './classify.ts';
import { sentenceTitle } from './titles.ts';

export type { ElementFacts, Env } from './draft.ts';

export interface Assembled {
  readonly sections: SectionModel[];
  readonly elements: ElementModel[];
  readonly leads: LeadModel[];
  readonly participations: ParticipationModel[];
  /** Lead and participating unit names in order of first appearance. */
  readonly departmentNames: string[];
  readonly warnings: ParseWarning[];
  /** Per element id: facts the completeness checks need. */
  readonly facts: ReadonlyMap<string, ElementFacts>;
}

/** A principle, goal or guarantee: its paragraphs (and any numbered lines under it) are its text. */
function draftItem(env: Env, b: Block, kind: SectionItemKind, sectionId: string): Draft {
  const end = subtreeParas(b).at(-1)!.end;
  return newDraft({
    kind,
    number: b.number,
    marker: b.marker,
    sectionId,
    parent: null,
    span: [b.marker.start, end],
    textRange: trimRange(env.text, b.marker.bodyStart, end),
    titleRange: sentenceTitle(env.text, b.marker.bodyStart, b.head.end),
    lead: null,
    facts: { hasLead: false, emptyCue: false },
  });
}

/**
 * The items written on a heading's own line after its title: "一是…。二是…。" gives one per
 * ordinal sentence (genre.json's `unnumberedItems.ordinalSuffixes`), anything else one item.
 */
function headingItems(env: Env, start: number, end: number): [number, number][] {
  const [s0, e0] = trimRange(env.text, start, end);
  if (e0 <= s0) return [];
  const suffixes = env.genre.unnumberedItems.ordinalSuffixes;
  if (suffixes.length === 0) return [[s0, e0]];
  const re = compiledFor(
    env.genre,
    'ordinalSuffixes/g',
    () => new RegExp(`(?:^|(?<=[。；;]))[ \\u3000]*[一二三四五六七八九十]+(?:${alternation(suffixes)})`, 'g'),
  );
  const slice = env.text.slice(s0, e0);
  const starts = [...slice.matchAll(re)].map((m) => s0 + m.index);
  if (starts.length < 2 || starts[0] !== s0) return [[s0, e0]];
  return starts.map((at, k) => trimRange(env.text, at, starts[k + 1] ?? e0));
}

/**
 * Paragraphs of a prose section (总体要求) that open with a principle word ("坚持全面覆盖。…"):
 * principles written without a 基本原则 heading. Two or more in a row, or none.
 */
function openedItems(env: Env, b: Block): [number, number][] {
  const words = env.genre.unnumberedItems.principleOpeners;
  if (words.length === 0 || kindOfHeading(headingWords(env.text, b), env.genre) !== null) return [];
  const hits = b.paras.filter((p) => words.some((w) => p.text.trimStart().startsWith(w)));
  return hits.length >= 2 ? hits.map((p) => trimRange(env.text, p.start, p.end)) : [];
}

export function assemble(nodes: readonly OutlineNode[], env: Env): Assembled {
  const sections: SectionModel[] = [];
  const drafts: Draft[] = [];
  const warnings: ParseWarning[] = [];
  const { text, index } = env;
  const usedIds = new Set<string>();

  const addSection = (
    node: Extract<OutlineNode, { type: 'section' }>,
    parentId: string | null,
    level: number,
  ) => {
    const b = node.block;
    let id = `${parentId ?? env.planId}/sec-${b.number}`;
    if (usedIds.has(id)) id = `${id}-${sections.length}`;
    usedIds.add(id);
    const [ts, te] = sentenceTitle(text, b.marker.bodyStart, b.head.end);
    // Intro: the rest of the heading line after its title, then the paragraphs before the first child.
    let introStart = te;
    if (introStart < b.head.end && SENTENCE_END.includes(text[introStart]!)) introStart++;
    // "(二)发展目标" followed by paragraphs and no numbered item: each paragraph is one of the
    // items the heading names (a goal, a principle), numbered by its place, and said so.
    const unnumbered =
      node.children.length === 0 &&
      b.paras.length > 0 &&
      node.mappedKind != null &&
      node.mappedKind !== 'Task';
    // "(二)主要目标。到2020年…" or "(三)基本原则。一是坚持…。二是坚持…。" with nothing after the
    // heading line: the rest of the line holds the items the heading names.
    const onHeading =
      node.children.length === 0 &&
      b.paras.length === 0 &&
      node.mappedKind != null &&
      node.mappedKind !== 'Task'
        ? headingItems(env, introStart, b.head.end)
        : [];
    // "坚持全面覆盖。…" paragraphs under a prose heading (总体要求) with no 基本原则 heading.
    const opened = node.mappedKind === null ? openedItems(env, b) : [];
    // A schedule's unnumbered stages ("2019年1月至3月，…"): paragraphs before the first dated one are its intro.
    const stages = unnumbered && node.mappedKind === 'Step' ? splitUnnumberedSteps(env, b.paras) : null;
    const itemParas = stages?.steps ?? b.paras.map((p) => ({ ...p, headEnd: p.end }));
    const introEnd = stages?.intro.at(-1)?.end ?? b.head.end;
    const [is, ie] =
      onHeading.length > 0
        ? [introStart, introStart]
        : trimRange(text, introStart, unnumbered ? introEnd : (b.paras.at(-1)?.end ?? b.head.end));
    const directKinds = node.children.flatMap((c) => (c.type === 'element' ? [c.kind] : []));
    const itemKind: ElementKind | null = node.mappedKind ?? directKinds[0] ?? null;
    const at = sections.length;
    sections.push({
      id,
      level,
      number: b.number,
      marker: b.marker.raw,
      title: text.slice(ts, te),
      text: ie > is ? joined(env, is, ie) : '',
      parentId,
      itemKind,
      order: at,
      span: index.span(b.marker.start, te),
      textSpan: ie > is ? index.span(is, ie) : null,
    });
    const unnumberedItems = (
      kind: Exclude<SectionItemKind, 'Task'>,
      ranges: readonly (readonly [number, number])[],
      what: string,
    ) => {
      ranges.forEach(([s0, e0], k) => drafts.push(unnumberedDraft(text, kind, id, k + 1, [s0, e0], e0)));
      warnings.push({
        code: 'ITEMS_UNNUMBERED',
        message: `the ${what} under "${b.marker.raw}${text.slice(ts, te)}" carry no numbers; read as ${ranges.length} ${kind.toLowerCase()}(s)`,
        line: index.lineAt(ranges[0]![0]),
      });
    };
    if (onHeading.length > 0)
      unnumberedItems(node.mappedKind as Exclude<SectionItemKind, 'Task'>, onHeading, 'sentences');
    if (opened.length > 0)
      unnumberedItems('Principle', opened, `${opened.length} paragraph(s) opening with a principle word`);
    if (unnumbered) {
      const kind = node.mappedKind as Exclude<SectionItemKind, 'Task'>;
      itemParas.forEach((p, k) => {
        drafts.push(unnumberedDraft(text, kind, id, k + 1, [p.start, p.end], p.headEnd));
      });
      warnings.push({
        code: 'ITEMS_UNNUMBERED',
        message: `the ${itemParas.length} paragraph(s) under "${b.marker.raw}${text.slice(ts, te)}" carry no numbers; read as ${itemParas.length} ${kind.toLowerCase()}(s), one per paragraph`,
        line: itemParas[0]?.line ?? b.head.line,
      });
    }
    node.children.forEach((c, k) => {
      if (c.type === 'closing') return; // only ever at the top level
      if (c.type === 'section') {
        addSection(c, id, level + 1);
      } else if (c.kind !== 'Task') {
        drafts.push(draftItem(env, c.block, c.kind, id));
      } else {
        const t = draftTask(env, c.block, id, warnings);
        drafts.push(...t.drafts);
        const first = t.trailing[0];
        if (first === undefined) return;
        if (k === node.children.length - 1) {
          // Closing text of the section ("以上10项改革任务,由各牵头部门…").
          const end = t.trailing.at(-1)!.end;
          sections[at] = {
            ...sections[at]!,
            closingText: joined(env, first.start, end),
            closingSpan: index.span(first.start, end),
          };
        } else {
          // Text between a task's lead marker and the next item: named paragraph by paragraph.
          for (const p of t.trailing) {
            warnings.push({
              code: 'UNATTACHED_TEXT',
              message: `text after the lead marker of task ${c.block.number} belongs to no item: ${excerpt(p.text)}`,
              line: p.line,
            });
          }
        }
      }
    });
  };

  // Items standing under no heading (a flat list 1.–16., or a work item among the top-level
  // headings) are held by an unnamed section: level 1, no marker, no title, a span of no length
  // where the list starts. It is structure, not text, so it quotes nothing.
  let run: Extract<OutlineNode, { type: 'element' }>[] = [];
  let bodies = 0;
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0]!.block;
    bodies++;
    const id = `${env.planId}/body${bodies === 1 ? '' : `-${bodies}`}`;
    usedIds.add(id);
    sections.push({
      id,
      level: 1,
      number: 0,
      marker: '',
      title: '',
      text: '',
      parentId: null,
      itemKind: run[0]!.kind,
      order: sections.length,
      span: index.span(first.marker.start, first.marker.start),
      textSpan: null,
    });
    for (const c of run) {
      if (c.kind !== 'Task') drafts.push(draftItem(env, c.block, c.kind, id));
      else {
        const t = draftTask(env, c.block, id, warnings);
        drafts.push(...t.drafts);
        for (const p of t.trailing) {
          warnings.push({
            code: 'UNATTACHED_TEXT',
            message: `text after the lead marker of task ${c.block.number} belongs to no item: ${excerpt(p.text)}`,
            line: p.line,
          });
        }
      }
    }
    run = [];
  };
  // The unheaded closing part (closing.ts): an unnamed section like a flat list's, one guarantee
  // per paragraph; a clause on taking effect or repeal is the section's closing text.
  const addClosing = (n: Extract<OutlineNode, { type: 'closing' }>) => {
    const first = n.paras[0]!;
    const id = `${env.planId}/closing`;
    usedIds.add(id);
    const last = n.clauses.at(-1);
    sections.push({
      id,
      level: 1,
      number: 0,
      marker: '',
      title: '',
      text: '',
      parentId: null,
      itemKind: 'Guarantee',
      order: sections.length,
      span: index.span(first.start, first.start),
      textSpan: null,
      ...(last === undefined
        ? {}
        : {
            closingText: n.clauses.map((p) => joined(env, p.start, p.end)).join('\n'),
            closingSpan: index.span(n.clauses[0]!.start, last.end),
          }),
    });
    n.paras.forEach((p, k) =>
      drafts.push(unnumberedDraft(text, 'Guarantee', id, k + 1, [p.start, p.end], p.end)),
    );
    const kept =
      n.clauses.length === 0
        ? ''
        : `; line ${n.clauses.map((p) => p.line).join(', ')} (when the plan takes effect or what it repeals) kept as closing text`;
    warnings.push({
      code: 'ITEMS_UNNUMBERED',
      message: `the ${n.paras.length} unheaded paragraph(s) after the last item speak of carrying the plan out; read as ${n.paras.length} guarantee(s), one per paragraph${kept}`,
      line: first.line,
    });
  };
  for (const n of nodes) {
    if (n.type === 'element') run.push(n);
    else if (n.type === 'closing') {
      flush();
      addClosing(n);
    } else {
      flush();
      addSection(n, null, 1);
    }
  }
  flush();

  datePeriods(env, drafts);
  const elements = finishElements(drafts, env);
  const facts = new Map<string, ElementFacts>();
  for (const d of drafts)
    facts.set(d.id!, { hasLead: d.facts.hasLead, emptyCue: d.facts.emptyCue, textEnd: d.textRange[1] });

  const leads: LeadModel[] = [];
  const participations: ParticipationModel[] = [];
  const departmentNames: string[] = [];
  const known = new Set<string>();
  let listed: LeadMarker | null = null;
  const leadWord = env.genre.responsibility.leadWords[0] ?? '牵头';
  const unit = (name: string): void => {
    if (!known.has(name)) departmentNames.push(name);
    known.add(name);
  };
  for (const d of drafts) {
    // Most drafts (sub-items, goals) carry no annotation: nothing to read.
    if (d.lead === null && (d.more === undefined || d.more.length === 0)) continue;
    const seen = new Set<string>();
    // Every annotation of the task in text order.
    const markers = [d.lead, ...(d.more ?? [])]
      .flatMap((m) => (m === null ? [] : [underConvention(m, env.convention, env.genre)]))
      .sort((a, b) => a.start - b.start);
    // Leads of every annotation first: a unit that leads a task does not also take part in it.
    for (const n of markers.flatMap((m) => m.names)) {
      if (seen.has(n.name)) continue;
      seen.add(n.name);
      unit(n.name);
      leads.push({ departmentId: `dept/${n.name}`, taskId: d.id!, span: index.span(n.start, n.end) });
    }
    for (const n of markers.flatMap((m) => m.participants)) {
      // A role is recorded once per unit.
      if (seen.has(n.name)) continue;
      seen.add(n.name);
      unit(n.name);
      participations.push({
        departmentId: `dept/${n.name}`,
        taskId: d.id!,
        role: n.role,
        span: index.span(n.start, n.end),
      });
    }
    if (env.convention === null && listed === null) {
      const m = markers.find((x) => x.word != null && !x.word.includes(leadWord) && x.names.length > 1);
      if (m !== undefined) listed = m;
    }
  }
  if (listed !== null) {
    warnings.push({
      code: 'LEADS_BY_LIST',
      message: `the text states no convention on which unit of an annotation leads (such as "排在第一位的部门为牵头部门"); every unit named in an annotation like ${excerpt(text.slice(listed.start, listed.end), 30)} is read as a lead`,
      line: index.lineAt(listed.start),
    });
  }
  return { sections, elements, leads, participations, departmentNames, warnings, facts };
}

/**
 * The draft of an item the text writes without a number (a paragraph or a sentence of its
 * section): numbered by its place, no lead, its title the first sentence before `titleEnd`.
 */
function unnumberedDraft(
  text: string,
  kind: Draft['kind'],
  sectionId: string,
  number: number,
  [start, end]: readonly [number, number],
  titleEnd: number,
): Draft {
  return newDraft({
    kind,
    number,
    marker: unnumberedMarker(start, number),
    sectionId,
    parent: null,
    span: [start, end],
    textRange: [start, end],
    titleRange: sentenceTitle(text, start, titleEnd),
    lead: null,
    facts: { hasLead: false, emptyCue: false },
  });
}

/** The marker of an item the text writes without a number: empty, at the item's start. */
function unnumberedMarker(start: number, number: number) {
  return {
    shape: null,
    family: 'dash' as const,
    number,
    start,
    end: start,
    raw: '',
    bodyStart: start,
    damage: null,
  };
}
