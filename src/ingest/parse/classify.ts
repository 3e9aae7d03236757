/**
 * What each numbered block of the outline is. Headings whose words genre.json maps to a kind
 * (工作原则 → Principle, 重点任务 → Task, …) are sections whose numbered children are elements of
 * that kind. Below such a section a block with children may still be a sub-heading ("(一)扩大有效
 * 覆盖" over tasks 1., 2.) or an item with sub-items ("1.推进…。" over (1), (2) and one lead
 * line): lead markers and the ladder decide, as written below.
 */
import type { Genre, SectionItemKind } from '../seed-data.ts';
import { inlineLeadAtEnd, labelLeadIn } from './leads.ts';
import type { Para } from './lines.ts';
import { rankOf } from './markers.ts';
import type { Block } from './outline.ts';
import { normaliseInline } from './text.ts';

export type OutlineNode =
  | {
      readonly type: 'section';
      readonly block: Block;
      /** Kind named by the heading itself (null when it names none). */
      readonly mappedKind: SectionItemKind | null;
      readonly children: readonly OutlineNode[];
    }
  | { readonly type: 'element'; readonly block: Block; readonly kind: SectionItemKind }
  /**
   * Unheaded paragraphs after the plan's last item about carrying it out (closing.ts): one
   * guarantee each; `clauses` (同时废止, 自印发之日起施行) are kept as text, not guarantees.
   */
  | { readonly type: 'closing'; readonly paras: readonly Para[]; readonly clauses: readonly Para[] };

interface Context {
  /** Kind of the items here; null where headings hold prose. */
  readonly kind: SectionItemKind | null;
  /** Inside a section whose heading named a kind: headings below are not re-read. */
  readonly underMapped: boolean;
}

/** The heading's words: its first line after the marker, trailing full stop dropped. */
export function headingWords(text: string, b: Block): string {
  return normaliseInline(text.slice(b.marker.bodyStart, b.head.end)).replace(/[。.：:]+$/, '');
}

/** Short and free of sentence or list punctuation: a heading, not an item. */
function headingLike(text: string, b: Block): boolean {
  const raw = normaliseInline(text.slice(b.marker.bodyStart, b.head.end));
  return raw.length <= 30 && !/[。；;，,！？!?]/.test(raw);
}

/** Kind a heading names: undefined when it names none, null for a prose heading (总体要求). */
export function kindOfHeading(words: string, genre: Genre): SectionItemKind | null | undefined {
  if (words.length <= 30 && !/[。；;，,]/.test(words)) {
    for (const rule of genre.sectionKinds) {
      for (const w of rule.words) {
        const near = words.length <= w.length + 4 && (words.startsWith(w) || words.endsWith(w));
        if (words === w || near) return rule.kind;
      }
    }
  }
  // "1.指导思想。高举…" / "2.基本原则。": an item whose first sentence is exactly a heading word
  // is that heading, its text the heading's intro.
  const first = /^([^。；;，,]{2,12})。/.exec(words)?.[1];
  if (first !== undefined) {
    for (const rule of genre.sectionKinds) if (rule.words.includes(first)) return rule.kind;
  }
  return undefined;
}

/** Kind of the items under unnamed top-level headings, from the plan's title (a 工作要点). */
export function planDefaultKind(title: string | null, genre: Genre): SectionItemKind | null {
  if (title === null) return null;
  return genre.planKinds.find((r) => r.words.some((w) => title.includes(w)))?.kind ?? null;
}

/**
 * What the numbered items of a body of work are when neither their heading nor the plan's title
 * names a kind: tasks. Plans of this genre are lists of work items under topic headings
 * (强化思想政治引领 …); the guess is named in a KIND_GUESSED warning.
 */
export const DEFAULT_KIND: SectionItemKind = 'Task';

const ownParas = (b: Block): Para[] => [b.head, ...b.paras];

function hasLead(text: string, p: Para, genre: Genre): boolean {
  const none = new Set<string>();
  return (
    inlineLeadAtEnd(text, p.start, p.end, genre, none) !== null ||
    labelLeadIn(text, p.start, p.end, genre, none) !== null
  );
}

function subtreeHasLead(text: string, b: Block, genre: Genre): boolean {
  return (
    ownParas(b).some((p) => hasLead(text, p, genre)) || b.children.some((c) => subtreeHasLead(text, c, genre))
  );
}

/** A numbered block with children under a Task section: one task with sub-items, or a sub-heading? */
function isTaskWithSubItems(text: string, b: Block, genre: Genre): boolean {
  if (ownParas(b).some((p) => hasLead(text, p, genre))) return true; // its own lead: a task
  if (b.children.filter((c) => subtreeHasLead(text, c, genre)).length >= 2) return false; // children lead
  if (headingLike(text, b)) return false;
  // Sub-items sit on the (1) or ① rung; children on 1. or above are tasks of a sub-heading.
  return b.children.every((c) => rankOf(c.shape) >= rankOf('arabic-paren'));
}

function classify(
  text: string,
  b: Block,
  ctx: Context,
  top: boolean,
  genre: Genre,
  fallback: SectionItemKind | null,
  flat = false,
): OutlineNode {
  // A schedule (（三）实施步骤 under 五、组织实施) is read as one even inside a section of another
  // kind; among tasks, a heading is not re-read (that would cost a look-up per task).
  const named =
    !ctx.underMapped || (ctx.kind !== 'Task' && (b.children.length > 0 || b.paras.length > 0))
      ? kindOfHeading(headingWords(text, b), genre)
      : undefined;
  if (!ctx.underMapped || named === 'Step') {
    if (named !== undefined) {
      const inner: Context = { kind: named, underMapped: named !== null };
      return {
        type: 'section',
        block: b,
        mappedKind: named,
        children: b.children.map((c) => classify(text, c, inner, false, genre, fallback)),
      };
    }
  }
  // A top-level item that is a work item rather than a heading: every top-level item of a flat
  // list (1.–16. with no 一、), or one that names its lead or reads as a sentence.
  if (top && b.children.length === 0) {
    const own = ownParas(b).some((p) => hasLead(text, p, genre));
    if (flat || own || !headingLike(text, b))
      return { type: 'element', block: b, kind: fallback ?? DEFAULT_KIND };
  }
  if (top || ctx.kind === null) {
    const inner: Context = top ? { kind: fallback ?? DEFAULT_KIND, underMapped: false } : ctx;
    return {
      type: 'section',
      block: b,
      mappedKind: null,
      children: b.children.map((c) => classify(text, c, inner, false, genre, fallback)),
    };
  }
  if (b.children.length === 0) return { type: 'element', block: b, kind: ctx.kind };
  // A stage of a schedule is one step, whatever lies under it.
  const item =
    ctx.kind === 'Task' ? isTaskWithSubItems(text, b, genre) : ctx.kind === 'Step' || !headingLike(text, b);
  if (item) return { type: 'element', block: b, kind: ctx.kind };
  return {
    type: 'section',
    block: b,
    mappedKind: null,
    children: b.children.map((c) => classify(text, c, ctx, false, genre, fallback)),
  };
}

export function classifyOutline(
  text: string,
  roots: readonly Block[],
  genre: Genre,
  fallback: SectionItemKind | null,
): OutlineNode[] {
  const flat = roots.every((b) => b.children.length === 0) && roots.length > 1;
  const nodes = roots.map((b) =>
    classify(text, b, { kind: null, underMapped: false }, true, genre, fallback, flat),
  );
  const last = nodes.length - 1;
  // "二、明确工作职责" followed by paragraphs and no numbered item, among headings that hold
  // tasks: the heading states one task on its own (not the opening part on why the work matters).
  if (nodes.some((n) => n.type === 'section' && holdsTasks(n))) {
    nodes.forEach((n, k) => {
      if (k === last || n.type !== 'section' || n.mappedKind !== null || n.children.length > 0) return;
      const words = headingWords(text, n.block);
      if (n.block.paras.length === 0 || kindOfHeading(words, genre) !== undefined) return;
      if (genre.openingSections.words.some((w) => words.includes(w))) return;
      nodes[k] = { type: 'element', block: n.block, kind: 'Task' };
    });
  }
  // The closing part may run over several headings (五、组织形式, 六、工作安排): every heading of
  // the run at the end that speaks of carrying out, as long as a heading of work stands before it.
  let first = last + 1;
  // A heading before the last one joins only without lead annotations: work items name a lead,
  // the arrangements for carrying out do not ("六、抓好改革落实" over tasks stays tasks).
  const joins = (k: number): boolean => {
    const n = nodes[k]!;
    if (n.type !== 'section' || !isClosingSection(text, n, genre)) return false;
    return k === last || !subtreeHasLead(text, n.block, genre);
  };
  while (first - 1 >= 1 && joins(first - 1)) first--;
  const before = nodes.slice(0, first);
  if (!before.some((n) => n.type === 'element' || (n.type === 'section' && holdsWork(n)))) first = last + 1;
  for (let k = first; k <= last; k++) {
    const b = (nodes[k] as Extract<OutlineNode, { type: 'section' }>).block;
    const inner: Context = { kind: 'Guarantee', underMapped: true };
    nodes[k] = {
      type: 'section',
      block: b,
      mappedKind: 'Guarantee',
      children: b.children.map((c) => classify(text, c, inner, false, genre, fallback)),
    };
  }
  return nodes;
}

/** A section over items of work (tasks or any kind but prose), which a closing part follows. */
function holdsWork(n: Extract<OutlineNode, { type: 'section' }>): boolean {
  return n.children.length > 0 || n.mappedKind != null;
}

/**
 * The closing part of a plan, about how it is carried out (组织实施, 加强组织领导, 有关要求, 切实做好
 * 组织实施, 加大组织保障力度 …), however its heading is worded: the last of several top-level
 * headings, named by no kind word, whose heading speaks of carrying out (genre.json's
 * `closingSections`). Its items are guarantees.
 */
function isClosingSection(text: string, n: OutlineNode, genre: Genre): boolean {
  if (n.type !== 'section' || n.mappedKind !== null) return false;
  // A heading of one or two phrases ("强化协调配合，加强资金保障"), not a sentence.
  const words = headingWords(text, n.block);
  if (words.length > 30 || /[。；;！？!?]/.test(words)) return false;
  return genre.closingSections.words.some((w) => words.includes(w));
}

/**
 * Where items were taken for tasks by default (no heading or title word named their kind): the
 * top-level headings, or the first item of a flat list. Empty when the title names the kind.
 */
export function guessedKinds(nodes: readonly OutlineNode[], fallback: SectionItemKind | null): Block[] {
  if (fallback !== null) return [];
  const out: Block[] = [];
  let listSeen = false;
  for (const n of nodes) {
    if (n.type === 'closing') continue;
    if (n.type === 'element') {
      if (!listSeen) out.push(n.block);
      listSeen = true;
      continue;
    }
    listSeen = false;
    if (n.mappedKind === null && holdsDefault(n)) out.push(n.block);
  }
  return out;
}

function holdsTasks(n: Extract<OutlineNode, { type: 'section' }>): boolean {
  return n.children.some((c) =>
    c.type === 'element' ? c.kind === 'Task' : c.type === 'section' && holdsTasks(c),
  );
}

function holdsDefault(n: Extract<OutlineNode, { type: 'section' }>): boolean {
  return n.children.some((c) =>
    c.type === 'element'
      ? c.kind === DEFAULT_KIND
      : c.type === 'section' && c.mappedKind === null && holdsDefault(c),
  );
}
