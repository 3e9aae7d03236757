/**
 * The Cypher catalog: every statement the service runs lives in `cypher/<name>.cypher`, one per
 * file, read once at start. A file opens with a comment header that states its contract:
 *
 *   // What it returns, in a sentence.
 *   // params: $planId, $rows
 *   // returns: id, title
 *
 * The header is checked against the body (every declared $param is used and every used $param is
 * declared), so a query and its documentation cannot drift apart. Queries are never built from
 * strings; callers pass parameters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CypherStatement {
  /** File name without `.cypher`: "task-by-ids". */
  readonly name: string;
  readonly text: string;
  readonly params: readonly string[];
  readonly columns: readonly string[];
  readonly summary: string;
}

export type CypherCatalog = ReadonlyMap<string, CypherStatement>;

/** Folder of the catalog in this checkout. */
export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

const PARAM_USE = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Parses one file; throws naming the file and the broken rule. */
export function parseStatement(name: string, source: string): CypherStatement {
  const header: string[] = [];
  for (const line of source.split('\n')) {
    if (!line.startsWith('//')) break;
    header.push(line.replace(/^\/\/\s?/, ''));
  }
  const field = (key: string): string[] | null => {
    const line = header.find((h) => h.startsWith(`${key}:`));
    if (line === undefined) return null;
    const value = line.slice(key.length + 1).trim();
    return value === '' || value === '-' ? [] : value.split(',').map((s) => s.trim());
  };
  const declared = field('params');
  const columns = field('returns');
  if (declared === null || columns === null) {
    throw new Error(
      `cypher/${name}.cypher: expected a header with "// params:" and "// returns:" lines, found ${JSON.stringify(header)}`,
    );
  }
  // Only the $names count; words after them are documentation.
  const params = [...declared.join(',').matchAll(PARAM_USE)].map((m) => m[1]!);
  const used = new Set([...source.replace(/^\/\/.*$/gm, '').matchAll(PARAM_USE)].map((m) => m[1]!));
  const undeclared = [...used].filter((p) => !params.includes(p));
  const unused = params.filter((p) => !used.has(p));
  if (undeclared.length > 0 || unused.length > 0) {
    throw new Error(
      `cypher/${name}.cypher: header params [${params.join(', ')}] do not match the body` +
        (undeclared.length ? `; used but not declared: ${undeclared.join(', ')}` : '') +
        (unused.length ? `; declared but not used: ${unused.join(', ')}` : ''),
    );
  }
  const text = source.split('\n').slice(header.length).join('\n').trim();
  return { name, text, params, columns, summary: header[0] ?? '' };
}

/** Reads every `*.cypher` file of a folder. */
export function loadCatalog(dir: string = CYPHER_DIR): CypherCatalog {
  const catalog = new Map<string, CypherStatement>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()) {
    const name = basename(file, '.cypher');
    catalog.set(name, parseStatement(name, readFileSync(join(dir, file), 'utf8')));
  }
  return catalog;
}

/** Looks a statement up, failing with the names that do exist. */
export function statement(catalog: CypherCatalog, name: string): CypherStatement {
  const found = catalog.get(name);
  if (found === undefined) {
    throw new Error(`no cypher/${name}.cypher in the catalog (have ${catalog.size} statements)`);
  }
  return found;
}
