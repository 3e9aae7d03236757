/**
 * Alignment cost as the library grows: loads N plans through the normal load path and times the
 * `align` step of each (candidate plans read through the alignment index + the alignment itself),
 * with how many plans it read. Flat per-plan cost means the index, not the library's size, bounds
 * the work. Run on demand: `npx tsx bench/library/align.ts [N]` (default 60); a throw-away engine.
 *
 * The library: the real texts at hand (the seed, the corpus captures, the whole State Council
 * documents of test/fixtures/corpus-full, the hand-made pair), each loaded again under new ids
 * ("the same plan, another year") until N plans are loaded, so every plan after the first round has
 * partners to align with.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/open.ts';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import { ALIGN_CANDIDATES, alignIndexWords, alignQuery } from '../../src/ingest/load/align.ts';
import { loadPlan } from '../../src/ingest/load/load.ts';
import { ensureSchema } from '../../src/ingest/load/schema.ts';
import type { PlanModel } from '../../src/ingest/model.ts';

const N = Number(process.argv[2] ?? 60);
const DIRS = ['test/fixtures/corpus', 'test/fixtures/corpus-full', 'test/fixtures/plans/pair'];

function texts(): { file: string; base: string }[] {
  const files = [{ file: 'seeds/cast-2018-reform-key-tasks.txt', base: 'seed' }];
  for (const dir of DIRS)
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.txt'))
      .sort())
      files.push({ file: join(dir, name), base: name.replace(/\.txt$/, '').replace(/[^a-z0-9-]/g, '') });
  return files;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main() {
  const sources = texts().flatMap(({ file, base }) => {
    try {
      const { text, source } = readPlanFile(file);
      parsePlan(text, source, { planId: `${base}-0`.slice(0, 60), partial: true });
      return [{ text, source, base }];
    } catch {
      return []; // a text the parser refuses is no plan of the library
    }
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-bench-align-'));
  const env = { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_PORT: '0' };
  const { db, close } = await openDatabase(loadConfig(env), { onLog: (l) => console.error(l) });
  // The alignment index is asked before the first load makes it.
  await ensureSchema(db);
  const rows: { n: number; alignMs: number; loadMs: number; read: number; words: number }[] = [];
  try {
    for (let n = 0; n < N; n += 1) {
      const s = sources[n % sources.length]!;
      const round = Math.floor(n / sources.length);
      const model: PlanModel = parsePlan(s.text, s.source, {
        planId: `${s.base.slice(0, 50)}-r${round}`,
        partial: true,
      });
      const words = alignIndexWords(model);
      const query = alignQuery(words);
      const read = query
        ? new Set(
            (
              await db.read<{ planId: string }>('load-align-candidates', {
                planId: model.id,
                query,
                limit: ALIGN_CANDIDATES,
                known: [],
              })
            ).map((r) => r.planId),
          ).size
        : 0;
      let before = 0;
      let alignMs = 0;
      const started = performance.now();
      before = started;
      await loadPlan(db, model, {
        force: true,
        onStep: (step) => {
          const now = performance.now();
          if (step === 'align') alignMs = now - before;
          before = now;
        },
      });
      rows.push({ n: n + 1, alignMs, loadMs: performance.now() - started, read, words: words.length });
      process.stderr.write(`\rloaded ${n + 1}/${N}`);
    }
  } finally {
    await close();
  }
  process.stderr.write('\n');
  console.log(
    `| plans loaded | align step ms (median) | load ms (median) | plans read to align (median, max ${ALIGN_CANDIDATES}) |`,
  );
  console.log('| --- | --- | --- | --- |');
  for (let from = 0; from < rows.length; from += 10) {
    const w = rows.slice(from, from + 10);
    console.log(
      `| ${w[0]!.n}–${w.at(-1)!.n} | ${median(w.map((r) => r.alignMs)).toFixed(1)} | ${median(w.map((r) => r.loadMs)).toFixed(0)} | ${median(w.map((r) => r.read))} |`,
    );
  }
}

await main();
