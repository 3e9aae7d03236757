/**
 * The database and CPU work a field may do, beside the size of its answer (cost.ts). A short
 * request can ask for a lot of work: `path` between far nodes searches the graph out to its
 * maxLength, `neighborhood` expands every relationship of its types at each level, and `compare`
 * aligns every task of one plan with every task of the other. Each is priced by an upper bound of
 * that work, from the graph's counts (bounds.ts) and the field's arguments, in units of
 * WORK_PER_UNIT relationships expanded or task pairs compared, so that the same limit
 * (GRAPHQL_MAX_COST) refuses it before any of it is done.
 */
import { MEANING_TYPES } from '../../graph/meaning.ts';
import type { GraphSize } from './bounds.ts';

/** Relationships expanded (or task pairs aligned) per unit of price: roughly one value's worth of work. */
export const WORK_PER_UNIT = 10;

/** Relationships of the given types (every type when null). */
function relationships(size: GraphSize, types: readonly string[] | null): number {
  if (types === null) return [...size.relationships.values()].reduce((a, b) => a + b, 0);
  return types.reduce((sum, t) => sum + (size.relationships.get(t) ?? 0), 0);
}

const units = (n: number) => Math.ceil(n / WORK_PER_UNIT);
const list = (v: unknown): readonly string[] | null =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;
const int = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** Tasks of a plan as the graph counts them; every task of the graph when the plan is unknown. */
function tasksOf(size: GraphSize, planId: unknown): number {
  const all = size.labels.get('Task') ?? 0;
  if (typeof planId !== 'string' || size.tasksByPlan === undefined) return all;
  return size.tasksByPlan.get(planId) ?? 0;
}

/**
 * The work of `Query.<field>(args)` in price units; 0 for fields whose work their answer's size
 * already bounds. Without known counts (size null) the graph is priced as empty: the answer's
 * size still applies, and the counts are read before any operation is priced (ListBounds).
 */
export function fieldWork(
  size: GraphSize | null,
  parentType: string,
  field: string,
  args: Record<string, unknown>,
): number {
  if (size === null || parentType !== 'Query') return 0;
  switch (field) {
    case 'path': {
      // Breadth-first from both ends: the levels of the two searches add up to maxLength, and a
      // level expands each relationship of the types at most once per direction.
      const types = list(args['types']) ?? (args['structure'] === true ? null : MEANING_TYPES);
      return units(int(args['maxLength'], 6) * 2 * relationships(size, types));
    }
    case 'neighborhood':
      return units(int(args['depth'], 1) * 2 * relationships(size, list(args['types'])));
    case 'subgraph': {
      // The neighbours of the given nodes (when expand), then the relationships among those kept.
      const r = relationships(size, list(args['types']));
      return units((args['expand'] === true ? 2 * r : 0) + r);
    }
    case 'compare': {
      const a = tasksOf(size, args['a']);
      const b = tasksOf(size, args['b']);
      return units(a * b + a + b);
    }
    default:
      return 0;
  }
}
