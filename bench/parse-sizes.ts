/**
 * Parse time per MB across plan sizes: the seed, and plans 10×, 30× and 100× its bytes built from
 * its own shape (bench/generate.ts). Parsing includes the semantics (concepts, SERVES, ADDRESSES).
 * Linear means a flat ms/MB column.
 *
 *   npx tsx bench/parse-sizes.ts [ROUNDS=3]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parsePlan, sourceForText } from '../src/ingest/index.ts';
import { generateLargerPlan } from './generate.ts';

const SEED = 'seeds/cast-2018-reform-key-tasks.txt';
const rounds = Number(process.argv[2] ?? 3);
const rows: string[] = [
  '| size | MB | elements | parse ms (median) | ms per MB |',
  '| --- | --- | --- | --- | --- |',
];
for (const times of [1, 10, 30, 100]) {
  const text = times === 1 ? readFileSync(SEED, 'utf8') : generateLargerPlan(SEED, times);
  const source = sourceForText(text, `x${times}.txt`);
  const ms: number[] = [];
  let elements = 0;
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    elements = parsePlan(text, source, { planId: `bench-x${times}` }).elements.length;
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  const mb = Buffer.byteLength(text) / 1e6;
  rows.push(
    `| ${times}× | ${mb.toFixed(2)} | ${elements} | ${median.toFixed(0)} | ${(median / mb).toFixed(0)} |`,
  );
}
console.log(rows.join('\n'));
console.log(
  `\nload average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
);
