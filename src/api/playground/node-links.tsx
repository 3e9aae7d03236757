/**
 * "Open in explorer": the fetcher hands every result to `noteResult`, which keeps the node ids it
 * holds (any `id` field); the plugin pane lists them, each a link to the explorer at that node.
 */
import { useSyncExternalStore } from 'react';
import type { GraphiQLPlugin } from '@graphiql/react';

let ids: readonly string[] = [];
const listeners = new Set<() => void>();

/** The values of every `id` field in a GraphQL result, in the order met, once each. */
export function nodeIds(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => nodeIds(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string') out.add(v);
      else nodeIds(v, out);
    }
  }
  return out;
}

export function noteResult(result: unknown): void {
  ids = [...nodeIds((result as { data?: unknown } | null)?.data ?? null)];
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const explorerHref = (id: string) => `/explore/?node=${encodeURIComponent(id)}`;

function NodeLinks() {
  const current = useSyncExternalStore(subscribe, () => ids);
  return (
    <div className="node-links">
      <div className="graphiql-doc-explorer-title">Open in explorer</div>
      <p>
        <a href="/explore/">The graph explorer</a> draws the plan. Nodes of the last result:
      </p>
      {current.length === 0 ? (
        <p>Run a query that asks for ids.</p>
      ) : (
        <ul>
          {current.map((id) => (
            <li key={id}>
              <a href={explorerHref(id)} target="_blank" rel="noopener">
                {id}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function GraphIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      aria-hidden="true"
    >
      <circle cx="5" cy="12" r="2.5" />
      <circle cx="18" cy="5" r="2.5" />
      <circle cx="18" cy="19" r="2.5" />
      <path d="M7.2 11 15.8 6.2M7.2 13l8.6 4.8" />
    </svg>
  );
}

export const nodeLinksPlugin: GraphiQLPlugin = {
  title: 'Open in explorer',
  icon: GraphIcon,
  content: NodeLinks,
};
