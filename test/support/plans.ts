/** The plan files tests use, parsed the way the loader parses them (no database, no vitest). */
import { readFileSync } from 'node:fs';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import type { PlanModel } from '../../src/ingest/model.ts';

export const SEED = 'seeds/cast-2018-reform-key-tasks.txt';
export const SECOND_PLAN = 'test/fixtures/plans/local-2019-tasks.txt';

export function parseFile(file: string, planId?: string): PlanModel {
  const { text, source } = readPlanFile(file);
  return parsePlan(text, source, planId === undefined ? {} : { planId });
}

/** The raw source text, to check provenance offsets against. */
export function sourceText(file: string): string {
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
}
