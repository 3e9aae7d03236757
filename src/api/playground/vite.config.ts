/**
 * Builds the playground into dist/playground (served at /playground by serve.ts).
 * `npm run build:playground`; `npx vite --config src/api/playground/vite.config.ts` for a dev
 * server that proxies /graphql to a running API (PLAN_GRAPH_API, default http://127.0.0.1:4000).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));

export default defineConfig({
  root: here,
  base: '/playground/',
  // Nothing in public/; the examples come from docs/queries through import.meta.glob.
  publicDir: false,
  build: {
    outDir: `${repo}dist/playground`,
    emptyOutDir: true,
    // Monaco alone is ~3 MB; the size warning would only repeat that.
    chunkSizeWarningLimit: 5000,
    reportCompressedSize: false,
    // React libraries mark modules "use client", which means nothing in a browser-only bundle.
    rolldownOptions: { checks: { moduleLevelDirective: false } },
  },
  worker: { format: 'es' },
  server: {
    fs: { allow: [repo] },
    proxy: { '/graphql': process.env['PLAN_GRAPH_API'] ?? 'http://127.0.0.1:4000' },
  },
  plugins: [precompress()],
});
