/**
 * A Vite plugin that names the drawing's chunk (graph.ts with Cytoscape.js, imported dynamically
 * by main.ts) in index.html as a module preload: the browser fetches and compiles it beside the
 * page's own script instead of after that script has run, so the first graph waits for the larger
 * of the two, not for both in turn.
 */
import type { Plugin } from 'vite';

export function preloadGraphChunk(base: string): Plugin {
  return {
    name: 'plan-graph-preload-graph-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (file) => file.type === 'chunk' && file.name === 'graph',
        );
        if (!chunk) throw new Error('expected a chunk named "graph" (src/api/explorer/graph.ts), found none');
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
