/**
 * Argument checks shared by resolvers: ids, page sizes and cursors. Each failure is a
 * BAD_USER_INPUT naming the argument, what was expected and what was found.
 */
import { BadInputError } from '../errors.ts';

/** Ids are readable paths: `cast-2018`, `cast-2018/task-4/item-2`, `dept/组人部`, `concept/1-9-6-1`. */
const ID_SHAPE = /^[^\s/]{1,100}(\/[^\s/]{1,100}){0,6}$/u;
const PLAN_ID_SHAPE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function checkId(argument: string, id: string): string {
  if (!ID_SHAPE.test(id)) {
    throw new BadInputError(argument, 'an id such as "cast-2018/task-4" (path segments, no spaces)', id);
  }
  return id;
}

export function checkPlanId(argument: string, id: string | null | undefined): string | null {
  if (id === null || id === undefined) return null;
  if (!PLAN_ID_SHAPE.test(id)) throw new BadInputError(argument, 'a plan id such as "cast-2018"', id);
  return id;
}

export const MAX_PAGE = 500;

export function checkFirst(first: number | null | undefined, fallback = 50): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE) {
    throw new BadInputError('first', `an integer from 0 to ${MAX_PAGE}`, value);
  }
  return value;
}

/** Cursors are opaque: base64 of the item's offset in the ordered list. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

/** The offset just after `after`, 0 without one. */
export function offsetAfter(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(after, 'base64').toString('utf8'));
  if (!match) throw new BadInputError('after', 'a cursor from a previous page (endCursor)', after);
  return Number(match[1]) + 1;
}

/** A Relay-style connection over one page of an ordered list. */
export function connection<T>(rows: readonly T[], total: number, offset: number) {
  const edges = rows.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    edges,
    nodes: [...rows],
    totalCount: total,
    pageInfo: {
      hasNextPage: offset + rows.length < total,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
