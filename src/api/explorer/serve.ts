/**
 * Serves the built explorer (dist/explorer, from `npm run build:explorer`) at /explore: the page,
 * and its content-hashed assets under /explore/assets/, precompressed like the playground's.
 */
import { fileURLToPath } from 'node:url';
import type { Router } from 'express';
import { bundleRouter } from '../playground/serve.ts';

const DEFAULT_DIR = fileURLToPath(new URL('../../../dist/explorer/', import.meta.url));

export const EXPLORER_NOT_BUILT = 'explorer not built: run npm run build:explorer';

/** Mount at /explore: `app.use('/explore', explorerRouter())`. */
export function explorerRouter({ dir = DEFAULT_DIR }: { dir?: string } = {}): Router {
  return bundleRouter(dir, EXPLORER_NOT_BUILT);
}
