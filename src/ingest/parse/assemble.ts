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
import { joined, subtreeParas } from './draft.ts';
import type { Draft, ElementFacts, Env } from './draft.ts';
import { finishElements } from './ids.ts';
import { datePeriods, splitUnnumberedSteps } from './steps.ts';
import type { Block } from './outline.ts';
import { draftTask } from './task.ts';
import { excerpt, SENTENCE_END, trimRange } from './text.ts';
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
  return {
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
  };
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
    // A schedule's unnumbered stages ("2019年1月至3月，…"): paragraphs before the first dated one are its intro.
    const stages = unnumbered && node.mappedKind === 'Step' ? splitUnnumberedSteps(env, b.paras) : null;
    const itemParas = stages?.steps ?? b.paras.map((p) => ({ ...p, headEnd: p.end }));
    const introEnd = stages?.intro.at(-1)?.end ?? b.head.end;
    const [is, ie] = trimRange(text, introStart, unnumbered ? introEnd : (b.paras.at(-1)?.end ?? b.head.end));
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
    if (unnumbered) {
      const kind = node.mappedKind as Exclude<SectionItemKind, 'Task'>;
      itemParas.forEach((p, k) => {
        const marker = {
          shape: null,
          family: 'dash' as const,
          number: k + 1,
          start: p.start,
          end: p.start,
          raw: '',
          bodyStart: p.start,
          damage: null,
        };
        drafts.push({
          kind,
          number: k + 1,
          marker,
          sectionId: id,
          parent: null,
          span: [p.start, p.end],
          textRange: [p.start, p.end],
          titleRange: sentenceTitle(text, p.start, p.headEnd),
          lead: null,
          facts: { hasLead: false, emptyCue: false },
        });
      });
      warnings.push({
        code: 'ITEMS_UNNUMBERED',
        message: `the ${itemParas.length} paragraph(s) under "${b.marker.raw}${text.slice(ts, te)}" carry no numbers; read as ${itemParas.length} ${kind.toLowerCase()}(s), one per paragraph`,
        line: itemParas[0]?.line ?? b.head.line,
      });
    }
    node.children.forEach((c, k) => {
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
  for (const n of nodes) {
    if (n.type === 'element') run.push(n);
    else {
      flush();
      addSection(n, null, 1);
    }
  }
  flush();

  datePeriods(env, drafts);
  const elements = finishElements(drafts, env);
  const facts = new Map<string, ElementFacts>();
  for (const d of drafts) facts.set(d.id!, { ...d.facts, textEnd: d.textRange[1] });

  const leads: LeadModel[] = [];
  const participations: ParticipationModel[] = [];
  const departmentNames: string[] = [];
  const known = new Set<string>();
  const unit = (name: string): void => {
    if (!known.has(name)) departmentNames.push(name);
    known.add(name);
  };
  for (const d of drafts) {
    const seen = new Set<string>();
    for (const n of d.lead?.names ?? []) {
      if (seen.has(n.name)) continue;
      seen.add(n.name);
      unit(n.name);
      leads.push({ departmentId: `dept/${n.name}`, taskId: d.id!, span: index.span(n.start, n.end) });
    }
    for (const n of d.lead?.participants ?? []) {
      // A unit that leads a task does not also take part in it; a role is recorded once per unit.
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
  }
  return { sections, elements, leads, participations, departmentNames, warnings, facts };
}
