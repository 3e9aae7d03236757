/**
 * What a list's one statement fetched ahead (lookahead.ts), kept on the rows it belongs to: a
 * task's sub-items, lead edges, SERVES edges and concepts; a goal's SERVES edges; a department's
 * lead edges; and on each edge row, the node at its far end. The child resolvers read them here
 * and answer at once, where a DataLoader's `load` answers a promise: a question the look-ahead
 * answers in one statement then costs no promise, microtask or loader call per field and row.
 * A row without them (fetched some other way) resolves through the request's loaders as before.
 *
 * The rows are the ones the driver decoded for this request alone (database.ts `toPlain`), so
 * what is kept on them is never seen by another request. Symbol keys: no field, no JSON, no
 * Cypher property can collide with them.
 */
const AHEAD = Symbol('fetched ahead');
const FAR_END = Symbol('far end');

type Holder = { [AHEAD]?: Record<string, unknown> };

/** Keeps `value` as what `field` of `row` answers. */
export function keepAhead(row: object, field: string, value: unknown): void {
  const holder = row as Holder;
  (holder[AHEAD] ??= {})[field] = value;
}

/** What `field` of `row` answers, when its parent's statement fetched it; undefined otherwise. */
export function fetchedAhead<T>(row: object, field: string): T | undefined {
  return (row as Holder)[AHEAD]?.[field] as T | undefined;
}

/** Keeps the node at the far end of an edge row on the row. */
export function keepFarEnd(row: object, endpoint: { id: string } | null | undefined): void {
  if (endpoint) (row as { [FAR_END]?: unknown })[FAR_END] = endpoint;
}

/** The node with this id kept on an edge row as its far end; undefined when it is not the one kept. */
export function farEnd<T extends { id: string }>(row: object, id: string): T | undefined {
  const end = (row as { [FAR_END]?: T })[FAR_END];
  return end !== undefined && end.id === id ? end : undefined;
}

/**
 * `rows` mapped by `each`, which answers a value or a promise: the list itself when every value
 * is at hand, a promise of it otherwise (graphql-jit continues synchronously on a plain value).
 */
export function allOf<R, T>(rows: readonly R[], each: (row: R) => T | Promise<T>): T[] | Promise<T[]> {
  const out: (T | Promise<T>)[] = new Array(rows.length);
  let pending = false;
  for (let i = 0; i < rows.length; i += 1) {
    const value = each(rows[i]!);
    if (value instanceof Promise) pending = true;
    out[i] = value;
  }
  return pending ? Promise.all(out) : (out as T[]);
}
