/**
 * Builds the graph explorer into dist/explorer (served at /explore by serve.ts).
 * `npm run build:explorer`; `npx vite --config src/api/explorer/vite.config.ts` for a dev server
 * that proxies /graphql and /plans to a running API (PLAN_GRAPH_API, default http://127.0.0.1:4000).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../playground/precompress.ts';
import { preloadGraphChunk } from './preload-graph.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const api = process.env['PLAN_GRAPH_API'] ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: here,
  base: '/explore/',
  publicDir: false,
  build: {
    outDir: `${repo}dist/explorer`,
    emptyOutDir: true,
    reportCompressedSize: false,
    // No inline scripts or styles (the pages are served under a strict CSP): assets are files.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // Cytoscape.js with fcose is one chunk of ~560 kB minified (~175 kB gzipped): what a graph
    // needs, fetched while the page's first request is on its way; warn only above that.
    chunkSizeWarningLimit: 600,
    // On a busy machine rolldown would tell every `npm install` to profile its plugins: noise there.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { fs: { allow: [repo] }, proxy: { '/graphql': api, '/plans': api } },
  plugins: [preloadGraphChunk('/explore/'), precompress()],
});
