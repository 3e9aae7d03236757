// monaco-editor ships types for its API only, not for the worker bootstrap it exports.
declare module 'monaco-editor/esm/vs/editor/editor.worker.js' {
  import type { worker } from 'monaco-editor';

  /** Answers the editor's first message by creating the language service with `create`. */
  export function initialize<CreateData>(
    create: (ctx: worker.IWorkerContext, createData: CreateData) => unknown,
  ): void;
}
