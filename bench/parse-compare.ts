/**
 * This parser against an earlier commit's, in one process, runs interleaved (ABBA order, a GC
 * before each run), at 1×, 10× and 100× the seed (bench/generate.ts makes the larger texts; both
 * parsers read the same text). Two stages are timed: the whole parse (parsePlan: outline,
 * semantics, departments, citations) and its first stage alone (parseDocument: outline, metadata,
 * leads). Prints medians of CPU time (the verdicts: on a shared machine wall time mostly measures
 * the wait for a core), the fastest run and wall-time medians beside them, ratios (now / base), and
 * whether the targets hold: at 100× no slower than the base in either stage, and linear (CPU ms per
 * MB at 100× within 1.3× of 10×). Run from the repository's root:
 *
 *   node --expose-gc --import tsx bench/parse-compare.ts [--rounds 15] [--base REF|DIR] [--sizes 1,10,100]
 *   node --import tsx bench/parse-compare.ts --check [REF]
 *
 * --base: a directory holding the other checkout (its src/ and seeds/), or a commit; default
 * 0603326, the parser before whole documents were read, extracted by `git archive` into
 * os.tmpdir() with node_modules linked to this checkout's (same dependencies for the parser).
 *
 * --check REF (default 89e4287, the parser before the speed work): the model JSON (or the error)
 * of the seed, of every text in ../shared/corpus-full, ../shared/corpus and test/fixtures/**, read
 * whole and --partial, and of the 100× text must be byte-identical between REF and this checkout:
 * a speed change must not change one answer.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateLargerPlan } from './generate.ts';

const SEED = 'seeds/cast-2018-reform-key-tasks.txt';
const DEFAULT_BASE = '0603326';
const DEFAULT_CHECK = '89e4287';

interface Parser {
  readonly label: string;
  readonly parsePlan: (text: string, source: unknown, options?: object) => unknown;
  readonly parseDocument: (text: string, ctx: object) => unknown;
  readonly readPlanFile: (path: string) => { text: string; source: unknown };
  readonly sourceForText: (text: string, file?: string) => unknown;
  readonly loadSeedData: () => { genre: unknown; departments: unknown };
}

/** A commit's src/ and seeds/ in os.tmpdir() (extracted once, reused), or a directory as given. */
function checkout(refOrDir: string): string {
  if (existsSync(join(refOrDir, 'src/ingest/index.ts'))) return resolve(refOrDir);
  const sha = execFileSync('git', ['rev-parse', '--verify', `${refOrDir}^{commit}`], {
    encoding: 'utf8',
  }).trim();
  const dir = join(tmpdir(), `plan-graph-parse-${sha.slice(0, 10)}`);
  if (existsSync(join(dir, 'src/ingest/index.ts'))) return dir;
  const partial = `${dir}.${process.pid}`;
  mkdirSync(partial, { recursive: true });
  execSync(`git archive ${sha} src seeds package.json | tar -x -C ${JSON.stringify(partial)}`);
  symlinkSync(resolve('node_modules'), join(partial, 'node_modules'), 'dir');
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return dir;
}

async function loadParser(root: string, label: string): Promise<Parser> {
  const url = (p: string) => pathToFileURL(join(root, p)).href;
  const index = await import(url('src/ingest/index.ts'));
  const parse = await import(url('src/ingest/parse/index.ts'));
  const seeds = await import(url('src/ingest/seed-data.ts'));
  return {
    label,
    parsePlan: index.parsePlan,
    parseDocument: parse.parseDocument,
    readPlanFile: index.readPlanFile,
    sourceForText: index.sourceForText,
    loadSeedData: seeds.loadSeedData,
  };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** CPU milliseconds of this process (all its threads, GC included) since `from`. */
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/** One run of both stages of one parser on one text: [parse, parseDocument] × [cpu ms, wall ms]. */
function timeOnce(p: Parser, text: string, source: unknown, planId: string): number[] {
  const seeds = p.loadSeedData();
  // The context parsePlan builds for a text the manifest does not know, with a given plan id.
  const ctx = {
    planId,
    file: 'bench.txt',
    genre: seeds.genre,
    departments: seeds.departments,
    knownFacts: {},
  };
  gc();
  let cpu = process.cpuUsage();
  let wall = performance.now();
  p.parseDocument(text, { ...ctx, partial: false });
  const doc = [cpuMs(cpu), performance.now() - wall];
  gc();
  cpu = process.cpuUsage();
  wall = performance.now();
  p.parsePlan(text, source, { planId });
  return [cpuMs(cpu), doc[0]!, performance.now() - wall, doc[1]!];
}

async function compare(args: Map<string, string>): Promise<void> {
  const rounds = Number(args.get('rounds') ?? 15);
  const sizes = (args.get('sizes') ?? '1,10,100').split(',').map(Number);
  const baseRoot = checkout(args.get('base') ?? DEFAULT_BASE);
  const base = await loadParser(baseRoot, `base (${baseRoot})`);
  const now = await loadParser(process.cwd(), 'now');
  console.log(
    `base: ${baseRoot}\nnow:  ${process.cwd()}\nrounds: ${rounds}, GC before each run: ${gc.name !== '' ? 'yes' : 'no (run node with --expose-gc)'}`,
  );
  console.log(`load average before: ${load()}\n`);
  const rows = [
    '| size | MB | parse base | parse now | now/base | parseDocument base | parseDocument now | now/base |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const wallRows = [...rows];
  const minRows = [...rows];
  const perMb = new Map<number, number>();
  const verdicts: string[] = [];
  const f = (x: number) => x.toFixed(1);
  for (const times of sizes) {
    const text = times === 1 ? base.readPlanFile(SEED).text : generateLargerPlan(SEED, times);
    const mb = Buffer.byteLength(text) / 1e6;
    const planId = `bench-x${times}`;
    const sources = [base.sourceForText(text, `x${times}.txt`), now.sourceForText(text, `x${times}.txt`)];
    // Warm-up: one run each, not counted (JIT, seed caches).
    timeOnce(base, text, sources[0], planId);
    timeOnce(now, text, sources[1], planId);
    // Per parser: [parse cpu, parseDocument cpu, parse wall, parseDocument wall] for each round.
    const t = { base: [[], [], [], []] as number[][], now: [[], [], [], []] as number[][] };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? (['base', 'now'] as const) : (['now', 'base'] as const);
      for (const who of order) {
        const run = timeOnce(who === 'base' ? base : now, text, sources[who === 'base' ? 0 : 1], planId);
        run.forEach((ms, k) => t[who][k]!.push(ms));
      }
    }
    const [b, n] = [t.base.map(median), t.now.map(median)];
    const [bMin, nMin] = [t.base.map((xs) => Math.min(...xs)), t.now.map((xs) => Math.min(...xs))];
    perMb.set(times, n[0]! / mb);
    const row = (b: number[], n: number[], k: number) =>
      `| ${times}× | ${mb.toFixed(2)} | ${f(b[k]!)} | ${f(n[k]!)} | ${(n[k]! / b[k]!).toFixed(2)} | ${f(b[k + 1]!)} | ${f(n[k + 1]!)} | ${(n[k + 1]! / b[k + 1]!).toFixed(2)} |`;
    rows.push(row(b, n, 0));
    minRows.push(row(bMin, nMin, 0));
    wallRows.push(row(b, n, 2));
    if (times === 100) {
      for (const [k, what] of [
        [0, 'parse'],
        [1, 'parseDocument'],
      ] as const) {
        const ratio = n[k]! / b[k]!;
        verdicts.push(
          `100× ${what} no slower than base (CPU ${ratio.toFixed(2)} ≤ 1.00): ${ratio <= 1 ? 'met' : 'NOT met'}`,
        );
      }
    }
  }
  console.log(
    `CPU ms, median of ${rounds} (what the verdicts use: a busy machine inflates wall time, not CPU time)\n`,
  );
  console.log(rows.join('\n'));
  console.log(`\nCPU ms, fastest of ${rounds} (the least disturbed run of each)\n`);
  console.log(minRows.join('\n'));
  console.log(`\nwall ms, median of ${rounds}\n`);
  console.log(wallRows.join('\n'));
  const [ten, hundred] = [perMb.get(10), perMb.get(100)];
  if (ten !== undefined && hundred !== undefined) {
    const r = hundred / ten;
    verdicts.push(
      `linear: parse CPU ms per MB at 100× / at 10× = ${r.toFixed(2)} ≤ 1.30: ${r <= 1.3 ? 'met' : 'NOT met'}`,
    );
  }
  console.log(`\n${verdicts.join('\n')}\n\nload average after: ${load()}`);
}

/** The parser's answer for one input: the model JSON, or the error's code and message. */
function answer(p: Parser, run: () => unknown): string {
  try {
    return JSON.stringify(run());
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    if (err.name !== 'PlanParseError') throw e;
    return JSON.stringify({ error: err.code, message: err.message });
  }
}

async function check(ref: string): Promise<void> {
  const then = await loadParser(checkout(ref), ref);
  const now = await loadParser(process.cwd(), 'now');
  const files = [SEED];
  // The shared corpora sit beside the main checkout (../shared) or beside a worktree's parent.
  const shared = ['../shared', '../../shared'].find((d) => existsSync(join(d, 'corpus-full')));
  if (shared === undefined) console.log('(no ../shared/corpus-full nor ../../shared/corpus-full: skipped)');
  const dirs = shared === undefined ? [] : [join(shared, 'corpus-full'), join(shared, 'corpus')];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) files.push(join(dir, f));
  }
  for (const f of readdirSync('test/fixtures', { recursive: true, encoding: 'utf8' }).sort()) {
    if (f.endsWith('.txt')) files.push(join('test/fixtures', f));
  }
  let differ = 0;
  let same = 0;
  const compareOne = (name: string, a: string, b: string) => {
    if (a === b) same++;
    else {
      differ++;
      let k = 0;
      while (a[k] === b[k]) k++;
      console.log(
        `DIFFERS ${name} at char ${k}:\n  ${ref}: ${a.slice(k - 80, k + 80)}\n  now: ${b.slice(k - 80, k + 80)}`,
      );
    }
  };
  for (const file of files) {
    for (const partial of [false, true]) {
      const [a, b] = [then, now].map((p) =>
        answer(p, () => {
          const { text, source } = p.readPlanFile(file);
          return p.parsePlan(text, source, { partial });
        }),
      );
      compareOne(`${file}${partial ? ' --partial' : ''}`, a!, b!);
    }
  }
  const big = generateLargerPlan(SEED, 100);
  const [a, b] = [then, now].map((p) => answer(p, () => p.parsePlan(big, p.sourceForText(big, 'x100.txt'))));
  compareOne('100× text', a!, b!);
  console.log(`${same} answers identical to ${ref}, ${differ} differ: ${differ === 0 ? 'met' : 'NOT met'}`);
  if (differ > 0) process.exitCode = 1;
}

const argv = process.argv.slice(2);
if (argv[0] === '--check') {
  await check(argv[1] ?? DEFAULT_CHECK);
} else {
  const args = new Map<string, string>();
  for (let k = 0; k < argv.length; k += 2) args.set(argv[k]!.replace(/^--/, ''), argv[k + 1] ?? '');
  await compare(args);
}
