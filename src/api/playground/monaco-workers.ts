/**
 * Monaco runs its language services in web workers and asks `MonacoEnvironment.getWorker` for
 * them by label. GraphiQL's editors need three: the plain editor worker, JSON (variables,
 * headers, response) and GraphQL. `?worker` makes Vite bundle each as its own local file, so
 * nothing is fetched from a CDN. (graphiql's `setup-workers/vite` builds but breaks the dev
 * server, hence this file.)
 */
import type { Environment } from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from './graphql.worker.ts?worker';

const environment: Environment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case 'json':
        return new JsonWorker();
      case 'graphql':
        return new GraphQLWorker();
      default:
        return new EditorWorker();
    }
  },
};

window.MonacoEnvironment = environment;
