/**
 * Departments scoped and resolved: the parser names units as a plan writes them (市发改委,
 * 发展改革委); here each becomes a node of the body that issues the plan (its scope), and known
 * short and full names of one body become one node with `aliases`.
 *
 *   scope:  the plan's issuer (metadata), office suffix dropped, matched against
 *           seeds/department-scopes.json: a named scope (国家, 中国科协), a local government
 *           (广州市人民政府办公厅 → 广州市) or, failing both, the issuing organisation itself
 *           (青禾市科协办公室 → 青禾市科协). No issuer: no scope, the written name as before.
 *   name:   seeds/department-aliases.json — national names in the national scope; names relative
 *           to a local government (市发改委 in 广州市 → 广州市发展和改革委员会).
 *   id:     dept/<scope>/<name>, or dept/<name> in a scope whose data says bareIds (中国科协: the
 *           seed's ids, which predate scopes) and for a plan of no known issuer.
 *
 * Pure: reads the two seed files once; no database. The written name stays on every edge: its
 * span's quote (and the edge's `name` in the graph).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanParseError } from './errors.ts';
import type { DepartmentModel, LeadModel, ParticipationModel } from './model.ts';
import { DEFAULT_SEEDS_DIR } from './seed-data.ts';

export interface ScopeEntry {
  readonly name: string;
  readonly level: string;
  readonly issuers: readonly string[];
  /** The national scope also takes any issuer that is one of its departments (a ministry). */
  readonly alsoNationalDepartments: boolean;
  readonly bareIds: boolean;
}

export interface AliasEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly source: string;
}

export interface DepartmentRules {
  readonly officeSuffixes: readonly string[];
  readonly nameForms: readonly { readonly long: string; readonly short: string }[];
  readonly scopes: readonly ScopeEntry[];
  readonly partyPrefixes: readonly string[];
  readonly endings: readonly { readonly ending: string; readonly level: string }[];
  readonly governmentWords: readonly string[];
  readonly national: readonly AliasEntry[];
  readonly local: readonly AliasEntry[];
}

/** The body a plan's departments belong to. */
export interface Scope {
  /** 国家, 广东省, 广州市, 中国科协, 青禾市科协. */
  readonly name: string;
  /** national, province, city, district, county, prefecture, organisation. */
  readonly level: string;
  /** True where ids stay dept/<name> (the scope's data says so). */
  readonly bareIds: boolean;
  /** For a local government: the word its plans write before their units (市, 省, 区, 县). */
  readonly ending: string | null;
}

/** A department node of the graph: the parser's department with its scope and known names. */
export interface ResolvedDepartment extends DepartmentModel {
  /** The scope's name (国家, 广州市, 中国科协); null for a plan of no known issuer. */
  readonly scope: string | null;
  /** Every other name the alias table or the plans give this department (written names included). */
  readonly aliases: readonly string[];
}

const fail = (file: string, field: string, expected: string, found: unknown): never => {
  throw new PlanParseError(
    'BAD_SEED_DATA',
    null,
    `${field}: ${expected}`,
    JSON.stringify(found) ?? String(found),
    file,
  );
};

const strings = (file: string, field: string, v: unknown): string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s !== '')
    ? (v as string[])
    : fail(file, field, 'a list of non-empty strings', v);

const text = (file: string, field: string, v: unknown): string =>
  typeof v === 'string' && v !== '' ? v : fail(file, field, 'a non-empty string', v);

type Json = Record<string, unknown>;
const object = (file: string, field: string, v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : fail(file, field, 'an object', v);
const list = (file: string, field: string, v: unknown): Json[] =>
  Array.isArray(v) ? v.map((x, i) => object(file, `${field}[${i}]`, x)) : fail(file, field, 'a list', v);

function aliasEntries(file: string, field: string, v: unknown): AliasEntry[] {
  const seen = new Set<string>();
  return list(file, field, v).map((e, i) => {
    const at = `${field}[${i}]`;
    const entry = {
      name: text(file, `${at}.name`, e['name']),
      aliases: strings(file, `${at}.aliases`, e['aliases']),
      source: text(file, `${at}.source`, e['source']),
    };
    // One name may mean one body only: a name listed twice would make resolution depend on order.
    for (const n of [entry.name, ...entry.aliases]) {
      if (seen.has(n)) fail(file, `${at}`, 'names not listed in an earlier entry', n);
      seen.add(n);
    }
    return entry;
  });
}

/** Validates the two seed files' contents; every complaint names the file and field. */
export function parseDepartmentRules(scopesJson: unknown, aliasesJson: unknown): DepartmentRules {
  const sf = 'department-scopes.json';
  const af = 'department-aliases.json';
  const s = object(sf, '(top)', scopesJson);
  const places = object(sf, 'places', s['places']);
  const a = object(af, '(top)', aliasesJson);
  return {
    officeSuffixes: strings(sf, 'officeSuffixes', s['officeSuffixes']),
    nameForms: list(sf, 'nameForms', s['nameForms']).map((f, i) => ({
      long: text(sf, `nameForms[${i}].long`, f['long']),
      short: text(sf, `nameForms[${i}].short`, f['short']),
    })),
    scopes: list(sf, 'scopes', s['scopes']).map((e, i) => ({
      name: text(sf, `scopes[${i}].name`, e['name']),
      level: text(sf, `scopes[${i}].level`, e['level']),
      issuers: strings(sf, `scopes[${i}].issuers`, e['issuers']),
      alsoNationalDepartments: e['alsoNationalDepartments'] === true,
      bareIds: e['bareIds'] === true,
    })),
    partyPrefixes: strings(sf, 'places.partyPrefixes', places['partyPrefixes']),
    endings: list(sf, 'places.endings', places['endings']).map((e, i) => ({
      ending: text(sf, `places.endings[${i}].ending`, e['ending']),
      level: text(sf, `places.endings[${i}].level`, e['level']),
    })),
    governmentWords: strings(sf, 'places.governmentWords', places['governmentWords']),
    national: aliasEntries(af, 'national', a['national']),
    local: aliasEntries(af, 'local', a['local']),
  };
}

const cache = new Map<string, DepartmentRules>();

/** The rules of a seeds folder (the project's by default), read once. */
export function loadDepartmentRules(dir: string = DEFAULT_SEEDS_DIR): DepartmentRules {
  const hit = cache.get(dir);
  if (hit) return hit;
  const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const rules = parseDepartmentRules(read('department-scopes.json'), read('department-aliases.json'));
  cache.set(dir, rules);
  return rules;
}

const stripEnd = (s: string, ends: readonly string[]): string => {
  const end = ends.find((e) => s.length > e.length && s.endsWith(e));
  return end ? s.slice(0, -end.length) : s;
};

/**
 * The scope of a plan issued by `issuer` (as its metadata gives it). Joint issuers
 * (中共静安区委办公室静安区人民政府办公室) read as their first body.
 */
export function scopeOf(issuer: string | null, rules: DepartmentRules): Scope | null {
  if (issuer === null || issuer.trim() === '') return null;
  const written = issuer.trim();
  let body = stripEnd(written, rules.officeSuffixes);
  for (const f of rules.nameForms) body = body.split(f.long).join(f.short);
  const nationalNames = new Set(rules.national.flatMap((e) => [e.name, ...e.aliases]));
  for (const s of rules.scopes) {
    if (
      s.issuers.includes(written) ||
      s.issuers.includes(body) ||
      (s.alsoNationalDepartments && nationalNames.has(body))
    )
      return { name: s.name, level: s.level, bareIds: s.bareIds, ending: null };
  }
  // A local government: [中共] place-name + ending (省, 市, 区 …) + a government word (人民政府, 委).
  const unprefixed = rules.partyPrefixes.reduce((b, p) => (b.startsWith(p) ? b.slice(p.length) : b), body);
  for (let end = 1; end < unprefixed.length; end++) {
    const place = unprefixed.slice(0, end + 1);
    const ending = rules.endings.find((e) => place.endsWith(e.ending) && place.length > e.ending.length);
    if (!ending) continue;
    const rest = unprefixed.slice(place.length);
    // The government itself (人民政府, 市委) or one of its departments (广州市发展改革委): the place.
    const department = rules.local.some((e) => e.name === rest || e.aliases.includes(rest));
    if (department || rules.governmentWords.some((w) => rest.startsWith(w)))
      return { name: place, level: ending.level, bareIds: false, ending: ending.ending };
  }
  return { name: body, level: 'organisation', bareIds: false, ending: null };
}

interface Resolved {
  readonly name: string;
  readonly aliases: readonly string[];
  /** The alias entry's source; for a national name it is also the source of the full name. */
  readonly source: string | null;
  /** True where the name is the body's official full name as the source gives it (national). */
  readonly official: boolean;
}

/** The one name of a written unit name within its scope, with the other names it goes by. */
export function resolveName(written: string, scope: Scope | null, rules: DepartmentRules): Resolved {
  const find = (table: readonly AliasEntry[], name: string) =>
    table.find((e) => e.name === name || e.aliases.includes(name));
  if (scope?.level === 'national') {
    const hit = find(rules.national, written);
    if (hit) return { name: hit.name, aliases: hit.aliases, source: hit.source, official: true };
  } else if (scope?.ending) {
    // 市发改委 / 广州市发改委 in 广州市: the name after the level word or the place's name.
    const prefixes = [scope.name, scope.ending];
    for (const prefix of prefixes) {
      if (!written.startsWith(prefix)) continue;
      const hit = find(rules.local, written.slice(prefix.length));
      if (!hit) continue;
      const aliases = [hit.name, ...hit.aliases].flatMap((n) => [`${scope.ending}${n}`, `${scope.name}${n}`]);
      const name = `${scope.name}${hit.name}`;
      // The place's name before the table's name: how that government names it, not a sourced full name.
      return { name, aliases: aliases.filter((n) => n !== name), source: hit.source, official: false };
    }
  }
  return { name: written, aliases: [], source: null, official: false };
}

export function departmentId(name: string, scope: Scope | null): string {
  return scope === null || scope.bareIds ? `dept/${name}` : `dept/${scope.name}/${name}`;
}

export interface ResolvedDepartments {
  readonly scope: Scope | null;
  readonly departments: readonly ResolvedDepartment[];
  /** Edges to the resolved ids; each span's quote is still the name as written. */
  readonly leads: readonly LeadModel[];
  readonly participations: readonly ParticipationModel[];
}

/**
 * The parser's departments and edges, resolved within the plan's scope. Two written names of one
 * body become one department; a task that names it twice keeps the first edge (a lead before a
 * participation, as the parser already keeps a leading unit out of the participants).
 */
export function resolveDepartments(
  parsed: {
    readonly issuer: string | null;
    readonly departments: readonly DepartmentModel[];
    readonly leads: readonly LeadModel[];
    readonly participations: readonly ParticipationModel[];
  },
  rules: DepartmentRules = loadDepartmentRules(),
): ResolvedDepartments {
  const scope = scopeOf(parsed.issuer, rules);
  const byParsedId = new Map<string, ResolvedDepartment>();
  const byId = new Map<string, ResolvedDepartment>();
  for (const d of parsed.departments) {
    const r = resolveName(d.name, scope, rules);
    const id = departmentId(r.name, scope);
    const before = byId.get(id);
    const known = [...(before?.aliases ?? []), ...r.aliases, d.name].filter((n) => n !== r.name);
    const merged: ResolvedDepartment = {
      id,
      name: r.name,
      // A national full name is the resolved name, with its source; else the parser's (seeds/departments.json).
      fullName: r.official ? r.name : (before?.fullName ?? d.fullName),
      fullNameSource: r.official ? r.source : (before?.fullNameSource ?? d.fullNameSource),
      scope: scope?.name ?? null,
      aliases: [...new Set(known)],
    };
    byId.set(id, merged);
    byParsedId.set(d.id, merged);
  }
  const seen = new Set<string>();
  const edge = <E extends { departmentId: string; taskId: string; span: { quote: string } }>(e: E) => {
    const department = byParsedId.get(e.departmentId);
    if (!department)
      throw new Error(`department ${e.departmentId} of task ${e.taskId} is not among the plan's departments`);
    const key = `${department.id}>${e.taskId}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ ...e, departmentId: department.id }];
  };
  return {
    scope,
    departments: [...byId.values()],
    leads: parsed.leads.flatMap(edge),
    participations: parsed.participations.flatMap(edge),
  };
}
