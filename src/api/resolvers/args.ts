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

/** Ordinals in element ids: `task-4`, and `item-2-17` where a damaged list repeats a number. */
const N = String.raw`\d{1,7}(?:-\d{1,7})?`;
const ELEMENT_PATH = String.raw`sec-${N}(?:/sec-${N}){0,5}|(?:principle|goal|guarantee|problem)-${N}|task-${N}(?:/item-${N})?`;
/**
 * Every id a node can have: a plan (`cast-2018`), a plan's element (`cast-2018/sec-1/sec-2`,
 * `cast-2018/task-4/item-2`, `cast-2018/problem-3`), or a shared node (`dept/…`, `concept/…`).
 */
const NODE_ID = new RegExp(
  String.raw`^(?:[a-z0-9][a-z0-9-]{0,63}(?:/(?:${ELEMENT_PATH}))?|(?:dept|concept|doc)/\S{1,200})$`,
  'u',
);
const GOAL_ID = new RegExp(String.raw`^[a-z0-9][a-z0-9-]{0,63}/goal-${N}$`);

export const NODE_ID_EXPECTED =
  'an id such as "cast-2018/task-4": a plan (cast-2018), an element of one (cast-2018/task-4/item-2, ' +
  'cast-2018/sec-1), dept/<name>, concept/<name> or doc/<title or number>';

/** A node id of a well-formed shape (whether the node exists is the caller's question). */
export function checkNodeId(argument: string, id: string): string {
  if (!NODE_ID.test(id)) throw new BadInputError(argument, NODE_ID_EXPECTED, id);
  return id;
}

export function checkGoalId(argument: string, id: string | null | undefined): string | null {
  if (id === null || id === undefined) return null;
  if (!GOAL_ID.test(id)) throw new BadInputError(argument, 'a goal id such as "cast-2018/goal-2"', id);
  return id;
}

/** Search input: each term is one Lucene clause, and Lucene allows 1024 of them per query. */
export const MAX_SEARCH_TERMS = 32;
export const MAX_SEARCH_LENGTH = 500;

export function checkSearchText(argument: string, text: string): string {
  if (text.length > MAX_SEARCH_LENGTH) {
    throw new BadInputError(argument, `at most ${MAX_SEARCH_LENGTH} characters`, `${text.length} characters`);
  }
  const terms = text.split(/[\s\u3000]+/u).filter((t) => t !== '').length;
  if (terms > MAX_SEARCH_TERMS) {
    throw new BadInputError(argument, `at most ${MAX_SEARCH_TERMS} terms`, `${terms} terms`);
  }
  return text;
}

export function checkPlanId(argument: string, id: string | null | undefined): string | null {
  if (id === null || id === undefined) return null;
  if (!PLAN_ID_SHAPE.test(id)) throw new BadInputError(argument, 'a plan id such as "cast-2018"', id);
  return id;
}

export const MAX_PAGE = 500;
/**
 * No list the API pages through is longer; a cursor or an `offset` past it was not made here.
 * It also keeps `offset + first` far from 2^31, where a slice in Cypher overflows its integers.
 */
export const MAX_OFFSET = 10_000_000;

/** An `offset` argument: an integer from 0 to MAX_OFFSET, else BAD_USER_INPUT naming it. */
export function checkOffset(offset: number | null | undefined): number {
  const value = offset ?? 0;
  if (!Number.isInteger(value) || value < 0 || value > MAX_OFFSET) {
    throw new BadInputError('offset', `an integer from 0 to ${MAX_OFFSET}`, value);
  }
  return value;
}

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
  const match = /^offset:(\d{1,8})$/.exec(Buffer.from(after, 'base64').toString('utf8'));
  const offset = match ? Number(match[1]) : NaN;
  if (!(offset < MAX_OFFSET))
    throw new BadInputError('after', 'a cursor from a previous page (endCursor)', after);
  return offset + 1;
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
