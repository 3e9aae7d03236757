/**
 * The closing part of a plan that has no guarantee heading: unnumbered paragraphs after its last
 * item about how the plan is carried out ("各地区、各部门要充分认识…抓好组织实施…督促检查"). The
 * ladder gives them to the last item as its continuation; here they are taken back from it, one
 * guarantee each. A paragraph opens the closing part when it opens with an addressee told to act
 * or holds two of genre.json's `closingParagraphs.words`; every paragraph after it belongs to the
 * part too, except a clause on when the plan takes effect or what it repeals (同时废止,
 * 自印发之日起施行), which is kept as the part's text and is no guarantee.
 */
import type { Genre } from '../seed-data.ts';
import type { OutlineNode } from './classify.ts';
import type { Para } from './lines.ts';
import { normaliseInline } from './text.ts';

type SectionNode = Extract<OutlineNode, { type: 'section' }>;
type ElementNode = Extract<OutlineNode, { type: 'element' }>;

function opensClosingPart(p: Para, genre: Genre): boolean {
  const words = genre.closingParagraphs;
  const t = normaliseInline(p.text).trimStart();
  if (words.openers.some((w) => t.startsWith(w))) return true;
  return words.words.filter((w) => t.includes(w)).length >= 2;
}

function isClause(p: Para, genre: Genre): boolean {
  const t = normaliseInline(p.text);
  return genre.closingParagraphs.clauses.some((w) => t.includes(w));
}

function hasGuarantee(nodes: readonly OutlineNode[]): boolean {
  return nodes.some((n) =>
    n.type === 'element'
      ? n.kind === 'Guarantee'
      : n.type === 'section' && (n.mappedKind === 'Guarantee' || hasGuarantee(n.children)),
  );
}

/** The plan's last item with no numbered children, by the path of last nodes; null if none. */
function lastLeaf(nodes: readonly OutlineNode[]): ElementNode | null {
  const n = nodes.at(-1);
  if (n === undefined || n.type === 'closing') return null;
  if (n.type === 'element') return n.block.children.length === 0 ? n : null;
  return lastLeaf(n.children);
}

/** The nodes with the last leaf replaced, along the path of last nodes. */
function replaceLast(nodes: readonly OutlineNode[], leaf: ElementNode): OutlineNode[] {
  const out = [...nodes];
  const n = out.at(-1)!;
  if (n.type === 'element') out[out.length - 1] = leaf;
  else {
    const s = n as SectionNode;
    out[out.length - 1] = { ...s, children: replaceLast(s.children, leaf) };
  }
  return out;
}

export function splitClosingParas(nodes: readonly OutlineNode[], genre: Genre): OutlineNode[] {
  if (hasGuarantee(nodes)) return [...nodes];
  const leaf = lastLeaf(nodes);
  if (leaf === null || leaf.kind !== 'Task') return [...nodes];
  const from = leaf.block.paras.findIndex((p) => !isClause(p, genre) && opensClosingPart(p, genre));
  if (from < 0) return [...nodes];
  const rest = leaf.block.paras.slice(from);
  const kept: OutlineNode = { ...leaf, block: { ...leaf.block, paras: leaf.block.paras.slice(0, from) } };
  return [
    ...replaceLast(nodes, kept),
    {
      type: 'closing',
      paras: rest.filter((p) => !isClause(p, genre)),
      clauses: rest.filter((p) => isClause(p, genre)),
    },
  ];
}
