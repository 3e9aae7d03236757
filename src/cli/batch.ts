/**
 * Many plan files at once (`npm run load -- [--dry-run] DIR…`): every file gets a verdict — a
 * refused or unreadable file is a line of the report, never the end of the run — then totals.
 * Parsing here is the same parsePlan as for one file; loading stays one transaction per plan
 * (src/ingest/load/load.ts), so one file's failure leaves the others' plans as they were loaded.
 */
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import type { PlanModel } from '../ingest/model.ts';
import {
  readOne,
  type FileResult,
  type FileVerdict,
  type LoadOutcome,
  type ReadOptions,
} from '../ingest/library/read.ts';

export type { FileResult, FileVerdict, LoadOutcome, ReadOptions };

export interface Totals {
  readonly files: number;
  readonly complete: number;
  readonly partial: number;
  readonly refused: number;
  readonly unreadable: number;
  readonly tasks: number;
  readonly leads: number;
  readonly participants: number;
  readonly warnings: number;
  readonly loaded?: number;
  readonly unchanged?: number;
  readonly failed?: number;
}

/**
 * Files, folders and globs → the plan files: a folder gives every `.txt` under it (recursively),
 * sorted; a glob the shell left unexpanded (quoted: 'plans/**\/*.txt') gives the files it matches.
 */
export function planFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.txt')) out.push(path);
    }
  };
  for (const path of paths) {
    // A path that is not there is reported like any unreadable file, not thrown.
    let directory = false;
    try {
      directory = statSync(path).isDirectory();
    } catch {
      directory = false;
    }
    if (directory) walk(path);
    else if (!directory && isDynamicPattern(path)) {
      const matches = globSync(path, {
        onlyFiles: true,
        expandDirectories: false,
        absolute: isAbsolute(path),
      }).sort();
      // A glob that matches nothing is reported like a missing file, not dropped silently.
      if (matches.length === 0) out.push(path);
      for (const match of matches) {
        if (statSync(match).isDirectory()) walk(match);
        else out.push(match);
      }
    } else out.push(path);
  }
  return [...new Set(out)];
}

/**
 * Reads and parses each file, on this thread (a library load parses in worker threads instead:
 * src/ingest/library/). A file whose plan id an earlier file already gives keeps its verdict and
 * counts, with `sameIdAs` naming that file: it is not loaded (the graph holds one plan per id).
 */
export function readAll(
  files: readonly string[],
  options: ReadOptions = {},
): { results: FileResult[]; models: Map<FileResult, PlanModel> } {
  const results: FileResult[] = [];
  const models = new Map<FileResult, PlanModel>();
  const fileOf = new Map<string, string>();
  for (const file of files) {
    const { result, model } = readOne(file, options);
    results.push(result);
    if (model === null) continue;
    const other = fileOf.get(model.id);
    if (other === undefined) fileOf.set(model.id, file);
    result.sameIdAs = other ?? null;
    models.set(result, model);
  }
  return { results, models };
}

export function totals(results: readonly FileResult[], loading: boolean): Totals {
  const count = (v: FileVerdict) => results.filter((r) => r.verdict === v).length;
  const sum = (k: 'tasks' | 'leads' | 'participants' | 'warnings') =>
    results.reduce((n, r) => n + (r.verdict === 'refused' || r.verdict === 'unreadable' ? 0 : r[k]), 0);
  const outcome = (o: LoadOutcome) => results.filter((r) => r.load === o).length;
  return {
    files: results.length,
    complete: count('complete'),
    partial: count('partial'),
    refused: count('refused'),
    unreadable: count('unreadable'),
    tasks: sum('tasks'),
    leads: sum('leads'),
    participants: sum('participants'),
    warnings: sum('warnings'),
    ...(loading
      ? { loaded: outcome('loaded'), unchanged: outcome('unchanged'), failed: outcome('failed') }
      : {}),
  };
}

/** A path under the working folder relative to it, any other as given. */
const shown = (file: string, base: string): string => {
  const rel = relative(base, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
};

/** One line per file: verdict, file, plan id, counts, then why (refused) or where it stops (partial). */
export function formatLine(r: FileResult, base = process.cwd()): string {
  const file = shown(r.file, base);
  const load = r.load === undefined ? '' : `  ${r.load}${r.loadDetail ? `: ${r.loadDetail}` : ''}`;
  if (r.verdict === 'refused' || r.verdict === 'unreadable') {
    return `${r.verdict.padEnd(10)} ${file}  ${r.detail ?? ''}`;
  }
  const counts = `tasks ${r.tasks}, leads ${r.leads}, participants ${r.participants}, warnings ${r.warnings}`;
  const where = r.detail ? `  (${r.detail})` : '';
  const clash = r.sameIdAs
    ? `  same plan id as ${relative(base, r.sameIdAs) || r.sameIdAs}: not loaded, give it --id`
    : '';
  return `${r.verdict.padEnd(10)} ${file}  ${r.planId}  ${counts}${where}${clash}${load}`;
}

export function formatTotals(t: Totals): string {
  const loads =
    t.loaded === undefined ? '' : `; loaded ${t.loaded}, unchanged ${t.unchanged}, failed ${t.failed}`;
  return (
    `total: ${t.files} files: ${t.complete} complete, ${t.partial} partial, ${t.refused} refused, ${t.unreadable} unreadable; ` +
    `tasks ${t.tasks}, leads ${t.leads}, participants ${t.participants}, warnings ${t.warnings}${loads}`
  );
}

/** The JSON report (--report): the same lines and totals as data. */
export function report(
  results: readonly FileResult[],
  loading: boolean,
): { readonly files: readonly FileResult[]; readonly totals: Totals } {
  return { files: results, totals: totals(results, loading) };
}
