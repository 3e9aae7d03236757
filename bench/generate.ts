/**
 * Writes a plan about N times larger than the seed, built from the seed's own shape: the same page
 * around it, the same sections, and the items of its task sections (the bulk of any plan of this
 * genre) repeated N times with their numbers rewritten in sequence; sub-items stay inside their
 * task as they are. Principles, goals and guarantees stay as they are: a plan with 300 copies of
 * the same three goals would measure the copies, not the shape (every task copy would serve every
 * goal copy).
 *
 *   npx tsx bench/generate.ts [N=100] [OUT=bench/out/cast-2018-x100.txt]
 *
 * The output is generated on demand and git-ignored: megabytes of derived text are not committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parsePlan, readPlanFile } from '../src/ingest/index.ts';
import type { ElementModel } from '../src/ingest/model.ts';

export function generateLargerPlan(seedFile: string, times: number): string {
  const { text, source } = readPlanFile(seedFile);
  const model = parsePlan(text, source);
  const top = model.elements.filter((e) => e.kind !== 'SubItem');
  const repeat = (e: ElementModel) => (e.kind === 'Task' ? times : 1);
  const bySection = new Map<string, ElementModel[]>();
  for (const e of top) bySection.set(e.sectionId, [...(bySection.get(e.sectionId) ?? []), e]);

  const out: string[] = [];
  let cursor = 0;
  for (const [, items] of bySection) {
    const first = items[0]!;
    const last = items.at(-1)!;
    out.push(text.slice(cursor, first.span.start));
    // The separator between two items as the seed writes it (usually a blank line).
    const gap = items.length > 1 ? text.slice(items[0]!.span.end, items[1]!.span.start) : '\n\n';
    const copies: string[] = [];
    for (let round = 0; round < repeat(first); round += 1) {
      for (const item of items) {
        const raw = text.slice(item.span.start, item.span.end);
        const number = round * items.length + item.number;
        copies.push(`${number}.${raw.slice(item.marker.length)}`);
      }
    }
    out.push(copies.join(gap));
    cursor = last.span.end;
  }
  out.push(text.slice(cursor));
  return out.join('');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const times = Number(process.argv[2] ?? 100);
  const target = process.argv[3] ?? `bench/out/cast-2018-x${times}.txt`;
  const started = performance.now();
  const generated = generateLargerPlan('seeds/cast-2018-reform-key-tasks.txt', times);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, generated);
  console.log(
    `wrote ${target}: ${(Buffer.byteLength(generated) / 1e6).toFixed(2)} MB in ${(performance.now() - started).toFixed(0)} ms`,
  );
}
