/**
 * The GraphQL language worker: monaco's worker bootstrap serving monaco-graphql's
 * `GraphQLWorker` (validation, completion, hover against the introspected schema).
 */
import { initialize } from 'monaco-editor/esm/vs/editor/editor.worker.js';
import { GraphQLWorker } from 'monaco-graphql/esm/GraphQLWorker.js';

type CreateData = ConstructorParameters<typeof GraphQLWorker>[1];

globalThis.onmessage = () => {
  initialize((ctx, createData: CreateData) => new GraphQLWorker(ctx, createData));
};
