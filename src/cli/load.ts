/**
 * `npm run load -- [--dry-run] [--json FILE] [--force] [--id PLAN_ID] FILE…`
 *
 * Parses every file first (a bad file stops the run before anything is written), then loads each
 * plan in its own transaction, showing progress, a table of counts per label and relationship
 * type, and the parser's warnings. `--dry-run` needs no database.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { PlanParseError } from '../ingest/errors.ts';
import { parsePlan, readPlanFile } from '../ingest/index.ts';
import { LOAD_STEPS, loadPlan } from '../ingest/load/load.ts';
import type { PlanModel } from '../ingest/model.ts';
import { formatSummary } from '../ingest/summary.ts';
import { planCounts } from '../graph/counts.ts';
import { formatTable } from './table.ts';

const USAGE = 'usage: npm run load -- [--dry-run] [--json FILE] [--force] [--id PLAN_ID] FILE…';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'string' },
      force: { type: 'boolean', default: false },
      id: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.id !== undefined && positionals.length > 1) {
    console.error('--id names one plan: give one FILE with it');
    return 2;
  }

  const models: PlanModel[] = [];
  for (const file of positionals) {
    const started = performance.now();
    const { text, source } = readPlanFile(file);
    const model = parsePlan(text, source, values.id === undefined ? {} : { planId: values.id });
    console.error(`parsed ${file} → ${model.id} in ${(performance.now() - started).toFixed(0)} ms`);
    models.push(model);
  }
  if (values.json !== undefined) {
    writeFileSync(values.json, JSON.stringify(models.length === 1 ? models[0] : models, null, 2) + '\n');
    console.error(`wrote the parsed model to ${values.json}`);
  }
  if (values['dry-run']) {
    for (const model of models) console.log(formatSummary(model));
    return 0;
  }

  const { db, close } = await openDatabase(loadConfig(), { onLog: (line) => console.error(line) });
  try {
    for (const model of models) {
      const started = performance.now();
      const result = await loadPlan(db, model, {
        force: values.force,
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
      if (model.warnings.length > 0) {
        console.log(`warnings (${model.warnings.length}):`);
        for (const w of model.warnings) console.log(`  line ${w.line ?? '-'}: ${w.code}: ${w.message}`);
      }
    }
  } finally {
    await close();
  }
  return 0;
}

const LONGEST_STEP = Math.max(...LOAD_STEPS.map((s) => s.length));

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Bad input is reported as the parser states it: file, line, expected, found. No stack trace.
    if (error instanceof PlanParseError) console.error(`error: ${error.message}`);
    else console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
