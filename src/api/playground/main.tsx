/// <reference types="vite/client" />
/**
 * The offline GraphQL playground: GraphiQL 5 with the query builder (explorer) plugin, talking
 * to /graphql on the same origin, opening one tab per example of docs/queries; node ids of a
 * result open in the graph explorer (/explore), which it links to.
 */
import './monaco-workers.ts';
import '@graphiql/react/style.css';
import '@graphiql/plugin-doc-explorer/style.css';
import '@graphiql/plugin-history/style.css';
import '@graphiql/plugin-explorer/style.css';
import 'graphiql/graphiql.css';
import './playground.css';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN, type GraphiQLProps } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { examples, examplesVersion } from './examples.ts';
import { examplesStorage } from './storage.ts';
import { QuestionTooltips } from './tab-titles.tsx';
import { nodeLinksPlugin, noteResult } from './node-links.tsx';

const ENDPOINT = '/graphql';

/** POSTs JSON, which Apollo's CSRF prevention accepts (a non-simple content type). */
const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { ...options?.headers, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(params),
  });
  const result: unknown = await response.json();
  noteResult(result);
  return result as Awaited<ReturnType<GraphiQLProps['fetcher']>>;
};

const plugins = [HISTORY_PLUGIN, explorerPlugin(), nodeLinksPlugin];

const root = document.getElementById('playground');
if (!root) throw new Error('index.html must contain an element with id "playground"');

// No <StrictMode>: with it GraphiQL sends its introspection query twice.
createRoot(root).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={plugins}
    defaultTabs={examples.map(({ query }) => ({ query }))}
    storage={examplesStorage(examplesVersion)}
    defaultEditorToolsVisibility={false}
  >
    <GraphiQL.Logo>
      <a href="/explore/" id="open-explorer">
        Graph explorer
      </a>
      GraphiQL
    </GraphiQL.Logo>
    <QuestionTooltips />
  </GraphiQL>,
);
