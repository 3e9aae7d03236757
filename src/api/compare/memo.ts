/**
 * compare's answers kept per graph version. A compare of a 2,000-task plan reads and decodes both
 * plans' tasks and aligns them in a worker: seconds of CPU for an answer that changes only when a
 * plan is loaded. The graph's version (cypher/graph-version.cypher) changes with every completed
 * load, inside the load's own write transaction, so an answer kept under the version it was read
 * at is the answer any later read at that version would give. A new version drops every answer
 * kept under the old one; at most `maxEntries` answers are kept (least recently used go first).
 *
 * The answers are shared between requests as they are: the resolvers that read them
 * (compare.ts, compare-cut.ts) copy what they change.
 */
export class CompareMemo<T> {
  private version: string | null = null;
  private readonly entries = new Map<string, T>();

  constructor(readonly maxEntries = 8) {}

  static key(a: string, b: string, threshold: number): string {
    return JSON.stringify([a, b, threshold]);
  }

  /** The answer kept for `key` at `version`, if any (and it becomes the most recently used). */
  get(version: string | null, key: string): T | undefined {
    if (version === null || version !== this.version) return undefined;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Keeps `value` as read at `version`; a graph no load has written (null) keeps nothing. */
  set(version: string | null, key: string, value: T): void {
    if (version === null || this.maxEntries <= 0) return;
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
