/**
 * The example queries of docs/queries, read at build time: one tab each, in file-name order,
 * titled by the file's first comment line (the tab shows its operation name, the title is its tooltip).
 */
export interface Example {
  readonly file: string;
  readonly title: string;
  readonly query: string;
}

const sources = import.meta.glob<string>('../../../docs/queries/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The text of the first `#` comment line of a GraphQL document, if it has one. */
export function commentTitle(query: string | null | undefined): string | undefined {
  for (const line of (query ?? '').split('\n')) {
    const comment = /^\s*#\s*(.*?)\s*$/.exec(line);
    if (comment?.[1]) return comment[1];
  }
  return undefined;
}

export const examples: readonly Example[] = Object.entries(sources)
  .map(([path, query]) => {
    const file = path.slice(path.lastIndexOf('/') + 1);
    return { file, title: commentTitle(query) ?? file, query };
  })
  .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

/**
 * A short hash of every example's text. GraphiQL only uses its default tabs when no tabs are
 * saved in the browser; keying the saved tabs on this value lets a changed set of examples
 * replace tabs saved from an older one.
 */
export const examplesVersion: string = (() => {
  let hash = 0x811c9dc5; // FNV-1a, 32 bit
  for (const { file, query } of examples) {
    for (const char of `${file}\u0000${query}\u0000`) {
      hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
    }
  }
  return hash.toString(16).padStart(8, '0');
})();
