/* global process, console, URL */
/**
 * The service as JavaScript: every module of src/ (TypeScript) transpiled by esbuild into dist/,
 * one file per module at the same depth (src/cli/start.ts → dist/cli/start.js), so the paths the
 * code finds from `import.meta.url` (schema/, cypher/, seeds/, docs/, dist/playground/) resolve
 * the same from either. `npm start` runs dist/cli/start.js; `npm run dev` keeps tsx on src/.
 *
 * Nothing is bundled: packages stay imports of node_modules, and a relative import of
 * `./x.ts` becomes `./x.js`. Each file gets an external source map (dist/**\/*.js.map): Node reads
 * them only when asked (`NODE_OPTIONS=--enable-source-maps`), so stacks in logs can name the .ts
 * lines without every error paying for the mapping.
 *
 * Run by `npm install` (the `prepare` script) and `npm run build`; takes about a second.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = fileURLToPath(new URL('../', import.meta.url));
const src = join(repo, 'src');
const out = join(repo, 'dist');

/** Browser code (the playground's and explorer's pages) is built by Vite, not here. */
const BROWSER_ONLY = /\.(tsx|d\.ts)$|vite\.config\.ts$|\/(playground|explorer)\/(?!serve\.ts$)[^/]+$/;

function modules(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modules(path);
    return path.endsWith('.ts') && !BROWSER_ONLY.test(path) ? [path] : [];
  });
}

/** Keeps every import an import: relative ones pointing at the .js sibling, packages as they are. */
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (args.path.startsWith('.')) return { path: args.path.replace(/\.ts$/, '.js'), external: true };
      return { path: args.path, external: true };
    });
  },
};

const entryPoints = modules(src);
// The server's own folders only: dist/playground and dist/explorer are Vite's.
for (const dir of new Set(entryPoints.map((f) => relative(src, f).split('/')[0]))) {
  if (!dir.endsWith('.ts')) rmSync(join(out, dir), { recursive: true, force: true });
}
const result = await build({
  entryPoints,
  outbase: src,
  outdir: out,
  bundle: true,
  plugins: [keepImports],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
if (result.errors.length > 0) process.exit(1);
console.log(`dist/: ${entryPoints.length} modules of src/ as JavaScript`);
