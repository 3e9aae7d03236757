/**
 * Graph shapes for drawing: `{ nodes: [{id, type, label, properties}], edges: [{id, type, source,
 * target, properties}] }` — what Cytoscape.js, D3 and graphology take without reshaping.
 */
import type { NodeRow } from './rows.ts';

export interface ShapeNode {
  readonly id: string;
  readonly type: string;
  readonly label: string;
  readonly properties: Record<string, unknown>;
}

export interface ShapeEdge {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly properties: Record<string, unknown>;
}

const TYPES = [
  'Plan',
  'Section',
  'Principle',
  'Goal',
  'Task',
  'SubItem',
  'Guarantee',
  'Step',
  'Department',
  'Concept',
  'Problem',
];

/** A short label: "Task 6: 强化基层基础,提升组织活力", "6.3 推进…" for a sub-item, a name, a plan's title. */
function labelOf(type: string, p: Record<string, unknown>): string {
  const number = p['number'];
  const title = String(p['title'] ?? p['name'] ?? p['id']);
  switch (type) {
    case 'Principle':
    case 'Goal':
    case 'Task':
    case 'Guarantee':
    case 'Step':
    case 'Problem':
      return `${type} ${String(number)}: ${title}`;
    case 'SubItem': {
      // Where it is: "6.3 推进…" (task 6, sub-item 3), from the id the loader gives it.
      const task = /\/task-(\d+)\/item-\d+$/.exec(String(p['id'] ?? ''))?.[1];
      return task === undefined ? `(${String(number)}) ${title}` : `${task}.${String(number)} ${title}`;
    }
    case 'Section':
      return `${String(p['marker'] ?? '')}${title}`;
    default:
      return title;
  }
}

/** A node's type in a shape: the first of its labels in TYPES' order. */
export function shapeType(labels: readonly string[]): string {
  return TYPES.find((t) => labels.includes(t)) ?? labels[0] ?? 'Node';
}

export function shapeNode(row: NodeRow): ShapeNode {
  const { labels, ...properties } = row as NodeRow & Record<string, unknown>;
  const type = shapeType(labels);
  return { id: row.id, type, label: labelOf(type, properties), properties };
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
