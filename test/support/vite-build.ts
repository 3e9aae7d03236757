/**
 * The browser tests' pages (the explorer, the playground) are Vite builds in dist/: a test builds
 * one when it is missing or older than its sources, so a fresh clone and an edited page both test
 * what the sources say without a build step of their own.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const REPO = new URL('../../', import.meta.url).pathname;

function newestMtime(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(dir, f)).mtimeMs),
  );
}

/**
 * Builds dist/<page> from src/api/<page>/vite.config.ts when its index.html is missing or older
 * than src/api/<page> or any of `alsoFrom` (folders the build reads, relative to the repository).
 */
export async function ensureViteBuilt(
  page: 'explorer' | 'playground',
  alsoFrom: readonly string[] = [],
): Promise<void> {
  const index = join(REPO, 'dist', page, 'index.html');
  const sources = Math.max(...[`src/api/${page}`, ...alsoFrom].map((dir) => newestMtime(join(REPO, dir))));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  await promisify(execFile)(
    process.execPath,
    [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--config', `src/api/${page}/vite.config.ts`],
    { cwd: REPO },
  );
}
