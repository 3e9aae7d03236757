/**
 * Where the engine's work of one plan's load goes, statement by statement, beside a library:
 *
 *   npx tsx bench/library/profile-load.ts [--size 300] [--corpus ../shared]
 *
 * Loads the seed and a generated library of `size` plans on a fresh engine, then loads one more
 * plan with its statements' parameters noted, deletes it, and runs the same statements again with
 * PROFILE in one transaction that is rolled back: the database hits and rows of each statement,
 * and the operators with the most hits. A statement whose hits grow with the library is one that
 * scans it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../../src/config.ts';
import { type Params, toCypher, type WriteTx } from '../../src/db/database.ts';
import { openDatabase } from '../../src/db/open.ts';
import { statement } from '../../src/db/catalog.ts';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import { loadLibrary } from '../../src/ingest/library/load-library.ts';
import { loadPlan } from '../../src/ingest/load/load.ts';
import { generateLibrary } from './generate.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '300' },
    corpus: { type: 'string', default: resolve(REPO, '../shared') },
  },
});
const SIZE = Number(values.size);

interface ProfiledPlan {
  operatorType: string;
  arguments: Record<string, unknown>;
  dbHits: number;
  rows: number;
  children: ProfiledPlan[];
}
const flatten = (p: ProfiledPlan): ProfiledPlan[] => [p, ...p.children.flatMap(flatten)];

const dir = `bench/out/profile-${SIZE + 1}`;
generateLibrary({ n: SIZE + 1, seed: '1', out: dir, corpus: values.corpus });
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(dir, f));
const dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-profile-'));
const env: NodeJS.ProcessEnv = { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_PORT: '0' };
delete env['NEO4J_URI'];
const open = await openDatabase(loadConfig(env), { onLog: () => undefined });
try {
  const seed = readPlanFile(join(REPO, 'seeds/cast-2018-reform-key-tasks.txt'));
  await loadPlan(open.db, parsePlan(seed.text, seed.source));
  await loadLibrary(open.db, files.slice(0, SIZE), { jobs: 2 });
  const last = readPlanFile(files[SIZE]!);
  const model = parsePlan(last.text, last.source);
  const noted: { name: string; params: Params }[] = [];
  const write = open.db.write.bind(open.db);
  open.db.write = (<T>(work: (tx: WriteTx) => Promise<T>) =>
    write((tx) =>
      work({
        run: (name, params = {}) => {
          noted.push({ name, params });
          return tx.run(name, params);
        },
      }),
    )) as typeof open.db.write;
  await loadPlan(open.db, model, { schemaReady: true });
  open.db.write = write;
  await write((tx) => tx.run('load-delete-plan', { planId: model.id }));
  const session = open.db.driver.session({
    database: open.db.databaseName,
    defaultAccessMode: neo4j.session.WRITE,
  });
  const tx = session.beginTransaction();
  try {
    for (const { name, params } of noted) {
      const started = performance.now();
      const result = await tx.run(
        `PROFILE ${statement(open.db.catalog, name).text}`,
        toCypher(params) as Params,
      );
      const ms = performance.now() - started;
      const ops = flatten(result.summary.profile as unknown as ProfiledPlan);
      const hits = ops.reduce((sum, op) => sum + op.dbHits, 0);
      const top = [...ops]
        .sort((a, b) => b.dbHits - a.dbHits)
        .slice(0, 3)
        .map((op) => `${op.operatorType.replace(/@.*/, '')} ${op.dbHits} (${op.rows} rows)`)
        .join(', ');
      if ((process.env['PROFILE_SHOW'] ?? '').split(',').includes(name))
        for (const op of ops)
          console.log(
            `    ${op.operatorType} ${op.dbHits} hits ${op.rows} rows: ${String(op.arguments['Details'] ?? '')}`,
          );
      console.log(
        `${name.padEnd(28)} ${ms.toFixed(1).padStart(7)} ms ${String(hits).padStart(9)} hits   ${top}`,
      );
    }
  } finally {
    await tx.rollback();
    await session.close();
  }
} finally {
  await open.close();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
