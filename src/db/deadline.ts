/**
 * A request's time budget, as the database door sees it. The HTTP layer runs each request inside
 * `withDeadline(at, …)`; every read started inside it (however deep in resolvers and loaders)
 * gets a Neo4j transaction timeout no longer than the time left, and a read started after the
 * deadline fails at once with a TIMEOUT DatabaseError instead of reaching the database.
 *
 * The same store carries one more value for the layer that set the deadline (the API keeps the
 * request's client there, for admission): every AsyncLocalStorage in the process copies its store
 * into each promise made, so one store per request costs half of what two would.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Work {
  readonly at: number | undefined;
  readonly tag: unknown;
}

const store = new AsyncLocalStorage<Work>();

/** Runs `fn` with `at` (epoch ms; undefined: none) as the deadline of everything it starts, and `tag` beside it. */
export function withDeadline<T>(at: number | undefined, fn: () => T, tag?: unknown): T {
  return store.run({ at, tag }, fn);
}

/** The deadline of the work in progress (epoch ms), or undefined outside any request. */
export function currentDeadline(): number | undefined {
  return store.getStore()?.at;
}

/** What the caller of `withDeadline` put beside the deadline, or undefined. */
export function currentTag(): unknown {
  return store.getStore()?.tag;
}
