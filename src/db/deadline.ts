/**
 * A request's time budget, as the database door sees it. The HTTP layer runs each request inside
 * `withDeadline(at, …)`; every read started inside it (however deep in resolvers and loaders)
 * gets a Neo4j transaction timeout no longer than the time left, and a read started after the
 * deadline fails at once with a TIMEOUT DatabaseError instead of reaching the database.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const store = new AsyncLocalStorage<number>();

/** Runs `fn` with `at` (epoch ms) as the deadline of everything it starts. */
export function withDeadline<T>(at: number, fn: () => T): T {
  return store.run(at, fn);
}

/** The deadline of the work in progress (epoch ms), or undefined outside any request. */
export function currentDeadline(): number | undefined {
  return store.getStore();
}
