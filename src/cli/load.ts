/**
 * `npm run load -- [options] [FILE…]`: the plan lifecycle from the command line.
 *
 *   load     one FILE: parses it, then loads the plan in one transaction, showing progress, a table
 *            of counts per label and relationship type, and the parser's warnings.
 *            Several FILEs, folders, globs or --report: a library load (src/ingest/library/): every
 *            plan file (folders: *.txt, recursively) parsed in --jobs worker threads, each plan
 *            written in its own transaction, one progress line on stderr, then a line per file —
 *            verdict, plan id, tasks, leads, participants, warnings, load outcome — and totals
 *            (src/cli/batch.ts); a refused file is a line, not the end. `--dry-run` needs no database.
 *   --list   the plans the graph holds (`npm run plans`)
 *   --remove the plan with that id, and only it, in one transaction
 *
 * While `npm start` runs, the database is the running service's (src/db/open.ts finds it).
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { describeConfig, loadConfig } from '../config.ts';
import { openDatabase, type OpenDatabase } from '../db/open.ts';
import { PlanParseError } from '../ingest/errors.ts';
import { parsePlan, readPlanFile } from '../ingest/index.ts';
import { LOAD_STEPS, loadPlan } from '../ingest/load/load.ts';
import { listPlans, NoSuchPlanError, removePlan } from '../ingest/load/plans.ts';
import { missingStore } from './store.ts';
import type { PlanModel } from '../ingest/model.ts';
import { formatSummary, refusal } from '../ingest/summary.ts';
import { planCounts } from '../graph/counts.ts';
import { formatTable } from './table.ts';
import { formatLine, formatTotals, planFiles, report, type FileResult } from './batch.ts';
import { loadLibrary } from '../ingest/library/load-library.ts';
import type { Database } from '../db/database.ts';
import { progressLine } from './progress.ts';

interface Options {
  dryRun?: boolean;
  json?: string;
  report?: string;
  force?: boolean;
  id?: string;
  partial?: boolean;
  list?: boolean;
  remove?: string;
  warnings?: string;
  jobs: number;
}

const ENV_KEYS = [
  'NEO4J_URI',
  'NEO4J_USER',
  'NEO4J_PASSWORD',
  'NEO4J_READ_USER',
  'NEO4J_READ_PASSWORD',
  'NEO4J_DATABASE',
  'NEO4J_DATA_DIR',
  'NEO4J_PORT',
];

function program(): Command {
  const env = describeConfig()
    .filter((s) => ENV_KEYS.includes(s.env))
    .map((s) => `  ${s.env.padEnd(21)}${s.doc} Default: ${s.byDefault}.`)
    .join('\n');
  return new Command('npm run load --')
    .description(
      'Load plan files into the graph, list the plans it holds, or remove one.\n' +
        'A plan id comes from what the document says (issuer + year + kind: cast-2018, cast-2025-points),\n' +
        'so an edited file replaces its plan. While `npm start` runs, its database is used.',
    )
    .argument(
      '[files...]',
      'plan files (UTF-8, GB18030 or UTF-16 text of a plan), or folders: every .txt under them',
    )
    .option('--dry-run', 'parse and print the summary (one line per file for several); no database')
    .option('--json <file>', 'also write the parsed model(s) to this file')
    .option('--report <file>', 'write the per-file lines and totals as JSON to this file')
    .option('--force', 'reload even when the graph holds the same text by this loader')
    .option('--id <planId>', 'use this plan id instead of the derived one (one file only)')
    .option('--partial', 'load a cut text: what was read, marked incomplete')
    .addOption(
      new Option('--jobs <n>', 'worker threads that parse while the plans are written (several files)')
        .default(availableParallelism(), 'the cores')
        .argParser(jobs),
    )
    .addOption(
      new Option('--list', 'list the plans the graph holds (npm run plans)')
        .default(false)
        .conflicts('remove'),
    )
    .option('--warnings <planId>', "print the parser's warnings for this loaded plan, with their lines")
    .option(
      '--remove <planId>',
      'remove this plan and only it; shared departments and concepts stay while another plan uses them',
    )
    .addHelpText(
      'after',
      `
Environment variables:
${env}

Several files, folders or globs: a library load. Files are parsed in --jobs worker threads while
the plans are written, one transaction each; a progress line on stderr (files, plans/s, ETA), then
one line per file (verdict, plan id, tasks, leads, participants, warnings; for a real load also
loaded / unchanged / failed), then the totals. A refused or unreadable file is reported and the
others go on. A file whose bytes (sha256) the graph already holds, or the same bytes as an earlier
file, is unchanged: nothing written (--force writes it again).
Exit code: 0 when every file was read (and loaded); 1 when at least one was refused, unreadable
or failed to load (the others are still read and loaded); 2 for a usage error.

Examples:
  npm run load -- seeds/cast-2018-reform-key-tasks.txt
  npm run load -- --dry-run plans/2019.txt
  npm run load -- --dry-run --report report.json ../shared/corpus-full ../shared/corpus
  npm run load -- plans/
  npm run load -- --jobs 2 'library/**/*.txt' more-plans/
  npm run load -- --partial --id cast-2025-points corpus/cut-copy.txt
  npm run plans
  npm run plans -- --warnings cast-2018
  npm run load -- --remove qhskx-2019-points`,
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
}

async function main(argv: readonly string[]): Promise<number> {
  const cli = program();
  cli.showHelpAfterError(`usage: ${cli.name()} ${cli.usage()}  (--help lists the options)`);
  try {
    cli.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  const options = cli.opts<Options>();
  const files = cli.args;

  if (options.warnings !== undefined) {
    if (files.length > 0) return usage(cli, '--warnings takes no FILE');
    return withExistingStore((open) => warnings(open, options.warnings!));
  }
  if (options.list || options.remove !== undefined) {
    if (files.length > 0) return usage(cli, `--${options.list ? 'list' : 'remove'} takes no FILE`);
    return withExistingStore((open) => (options.list ? list(open) : remove(open, options.remove!)));
  }
  if (files.length === 0) return usage(cli, 'give at least one FILE, or --list, or --remove ID');
  const paths = planFiles(files);
  const several = paths.length !== 1 || paths[0] !== files[0] || options.report !== undefined;
  if (options.id !== undefined && several) return usage(cli, '--id names one plan: give one FILE with it');
  if (several) {
    if (options.json !== undefined) return usage(cli, '--json writes one model: give one FILE with it');
    const library = async (db: Database | null) =>
      loadLibrary(db, paths, {
        jobs: options.jobs,
        force: options.force ?? false,
        ...(options.partial ? { partial: true } : {}),
        onProgress: progressLine(),
      });
    // An engine this command starts for the load alone runs the parallel collector (src/db/engine.ts
    // LOAD_ENGINE_JAVA_OPTIONS); a running service's engine, used when there is one, keeps its own.
    process.env['NEO4J_ENGINE_GC'] ??= 'parallel';
    const { results } = options.dryRun
      ? await library(null)
      : await withDatabaseResult(({ db }) => library(db));
    return finish(results, options);
  }

  const models = parseAll(files, options);
  if (options.json !== undefined) {
    writeFileSync(options.json, JSON.stringify(models.length === 1 ? models[0] : models, null, 2) + '\n');
    console.error(`wrote the parsed model to ${options.json}`);
  }
  if (options.dryRun) {
    for (const model of models) console.log(formatSummary(model));
    return 0;
  }
  return withDatabase((open) => load(open, models, options));
}

/** Prints a line per file and the totals, writes --report; 1 when any file was not read or not loaded. */
function finish(results: readonly FileResult[], options: Options): number {
  for (const r of results) console.log(formatLine(r));
  const loading = !options.dryRun;
  const summary = report(results, loading);
  console.log(formatTotals(summary.totals));
  if (options.report !== undefined) {
    writeFileSync(options.report, JSON.stringify(summary, null, 2) + '\n');
    console.error(`wrote the report to ${options.report}`);
  }
  const bad = results.some(
    (r) => r.verdict === 'refused' || r.verdict === 'unreadable' || r.load === 'failed',
  );
  return bad ? 1 : 0;
}

/** --jobs: a whole number of threads, at least 1. */
function jobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError(
      `expected a whole number of threads from 1, found ${JSON.stringify(value)}`,
    );
  }
  return n;
}

function usage(cli: Command, message: string): number {
  console.error(`error: ${message}`);
  console.error(`usage: ${cli.name()} ${cli.usage()}`);
  return 2;
}

function parseAll(files: readonly string[], options: Options): PlanModel[] {
  const models: PlanModel[] = [];
  const fileOf = new Map<string, string>();
  for (const file of files) {
    const started = performance.now();
    const { text, source } = readPlanFile(file);
    const model = parsePlan(text, source, {
      ...(options.id === undefined ? {} : { planId: options.id }),
      ...(options.partial ? { partial: true } : {}),
    });
    console.error(`parsed ${file} → ${model.id} in ${(performance.now() - started).toFixed(0)} ms`);
    const other = fileOf.get(model.id);
    if (other !== undefined) {
      throw new Error(`${file} and ${other} both give the plan id ${model.id}: load one of them with --id`);
    }
    fileOf.set(model.id, file);
    models.push(model);
  }
  return models;
}

/** For commands that read or remove: never start an engine on a directory with no store. */
async function withExistingStore(work: (open: OpenDatabase) => Promise<number>): Promise<number> {
  const missing = missingStore(loadConfig());
  if (missing !== null) {
    console.error(`error: ${missing}`);
    return 1;
  }
  return withDatabase(work);
}

async function withDatabase(work: (open: OpenDatabase) => Promise<number>): Promise<number> {
  return withDatabaseResult(work);
}

async function withDatabaseResult<T>(work: (open: OpenDatabase) => Promise<T>): Promise<T> {
  const open = await openDatabase(loadConfig(), { onLog: (line) => console.error(line) });
  try {
    return await work(open);
  } finally {
    await open.close();
  }
}

async function load({ db }: OpenDatabase, models: readonly PlanModel[], options: Options): Promise<number> {
  for (const model of models) {
    const started = performance.now();
    const result = await loadPlan(db, model, {
      force: options.force ?? false,
      onStep: (step, index, total, written) =>
        console.error(`  [${String(index).padStart(2)}/${total}] ${step.padEnd(LONGEST_STEP)} ${written}`),
    });
    const ms = (performance.now() - started).toFixed(0);
    if (result.status === 'skipped') {
      console.log(`${model.id}: unchanged, nothing written (${result.reason}); --force reloads`);
    } else {
      console.log(`${model.id}: loaded in ${ms} ms`);
    }
    const counts = await planCounts(db, model.id);
    console.log(
      formatTable(
        ['label', 'nodes'],
        counts.nodes.map((c) => [c.label, String(c.count)]),
      ),
    );
    console.log(
      formatTable(
        ['relationship', 'count'],
        counts.relationships.map((c) => [c.label, String(c.count)]),
      ),
    );
    if (model.reviewed.file === null) {
      console.log(
        `warning: no reviewed links fit ${model.source.file} (seeds/links/ matched by sha256 or quotes): ` +
          `${model.id}'s SERVES and ADDRESSES rest on derived evidence alone`,
      );
    } else {
      console.log(
        `reviewed links: ${model.reviewed.serves + model.reviewed.addresses} from ${model.reviewed.file} (matched by ${model.reviewed.matchedBy})`,
      );
    }
    if (model.warnings.length > 0) {
      console.log(`warnings (${model.warnings.length}):`);
      for (const w of model.warnings) console.log(`  line ${w.line ?? '-'}: ${w.code}: ${w.message}`);
    }
  }
  return 0;
}

async function list({ db }: OpenDatabase): Promise<number> {
  const plans = await listPlans(db);
  if (plans.length === 0) {
    console.log('the graph holds no plan (npm run load -- FILE loads one)');
    return 0;
  }
  console.log(
    formatTable(
      ['id', 'title', 'source', 'sha256', 'loaded at', 'nodes', 'tasks', 'goals', 'serves', 'reviewed links'],
      plans.map((p) => [
        p.id,
        p.title,
        p.sourceFile ?? '-',
        p.sha256.slice(0, 12),
        p.loadedAt ?? '-',
        String(p.nodes),
        String(p.tasks),
        String(p.goals),
        String(p.serves),
        String(p.reviewedLinks),
      ]),
    ),
  );
  return 0;
}

/** What the parser noticed in a loaded plan, one line each, as the dry run prints them. */
async function warnings({ db }: OpenDatabase, planId: string): Promise<number> {
  const plans = await listPlans(db);
  if (!plans.some((p) => p.id === planId))
    throw new NoSuchPlanError(
      planId,
      plans.map((p) => p.id),
    );
  const [row] = await db.read<{ node: { warningsJson: string } }>('node-by-ids', { ids: [planId] });
  const list = JSON.parse(row?.node.warningsJson ?? '[]') as {
    code: string;
    message: string;
    line: number | null;
  }[];
  console.log(`${planId}: ${list.length} parser warnings`);
  for (const w of list) console.log(`  ${w.line === null ? '-' : `line ${w.line}`} ${w.code}: ${w.message}`);
  return 0;
}

async function remove({ db }: OpenDatabase, planId: string): Promise<number> {
  const removal = await removePlan(db, planId);
  console.log(
    `${planId}: removed ${removal.deleted} nodes; ${removal.pruned} shared departments and concepts no other plan uses went with it`,
  );
  return 0;
}

const LONGEST_STEP = Math.max(...LOAD_STEPS.map((s) => s.length));

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Bad input is reported as the parser states it: file, line, expected, found. No stack trace.
    if (error instanceof PlanParseError) {
      console.error(`error: ${error.message}`);
      console.log(`Verdict: ${refusal(error)}`);
    } else console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
