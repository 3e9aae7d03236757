/**
 * Reading the hand-written JSON files under seeds/: one error type for all of them, naming the file,
 * the path inside it, what was expected and what was found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PlanParseError } from '../errors.ts';

/** Absolute path of a file under the repository's seeds/ folder. */
export function seedPath(relative: string): string {
  return fileURLToPath(new URL(`../../../seeds/${relative}`, import.meta.url));
}

/** Parsed JSON of a seed file; null when `optional` and the file does not exist. */
export function readSeedJson(path: string, label: string, optional = false): unknown {
  if (optional && !existsSync(path)) return null;
  const raw = readFileSync(path, 'utf8');
  try {
    return JSON.parse(raw) as unknown;
  } catch (err) {
    throw new PlanParseError('BAD_SEED_DATA', null, 'valid JSON', String((err as Error).message), label);
  }
}

/** Validation failure inside a seed file: `where` is a JSON path such as `concepts[3].name`; `found` a value. */
export function seedError(file: string, where: string, expected: string, found: unknown): PlanParseError {
  return seedErrorText(file, where, expected, show(found));
}

/** Same, with `found` already written as words (`key "defintion"`) rather than a value. */
export function seedErrorText(file: string, where: string, expected: string, found: string): PlanParseError {
  return new PlanParseError('BAD_SEED_DATA', null, `${where} to be ${expected}`, found, file);
}

export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const s = JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws when `value` has keys outside `allowed` (a misspelt key would otherwise be ignored silently). */
export function checkKeys(
  file: string,
  where: string,
  value: Record<string, unknown>,
  allowed: readonly string[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw seedErrorText(file, where, `an object with keys among ${allowed.join(', ')}`, `key "${key}"`);
    }
  }
}

export function nonEmptyString(file: string, where: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value.trim() !== value) {
    throw seedError(file, where, 'a non-empty string without surrounding spaces', value);
  }
  return value;
}

export function stringOrNull(file: string, where: string, value: unknown): string | null {
  if (value === null) return null;
  return nonEmptyString(file, where, value);
}

export function stringArray(file: string, where: string, value: unknown): string[] {
  if (!Array.isArray(value)) throw seedError(file, where, 'an array of strings', value);
  return value.map((v, i) => nonEmptyString(file, `${where}[${i}]`, v));
}
