/**
 * Parse workers for a library load: `jobs` threads (piscina) read and parse files while the main
 * thread writes the plans already parsed. Each thread loads the parser's seed data once and keeps
 * it for every file it parses.
 */
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ParsedFile, ParseTask } from './parse-task.ts';

export interface ParsePool {
  parse(task: ParseTask): Promise<ParsedFile>;
  close(): Promise<void>;
}

export function parsePool(jobs: number): ParsePool {
  const pool = new Piscina({
    // From src/ (tsx) the thread registers tsx first; from dist/ the compiled task is the entry.
    filename: fileURLToPath(
      new URL(import.meta.url.endsWith('.ts') ? './parse-worker.mjs' : './parse-task.js', import.meta.url),
    ),
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 30_000,
  });
  return {
    parse: (task) => pool.run(task) as Promise<ParsedFile>,
    close: () => pool.destroy(),
  };
}
