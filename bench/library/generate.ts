/**
 * A library of N plan texts for the benchmark, made from the real documents of the shared corpora
 * (read at run time from --corpus; nothing of them is copied into the repository):
 *
 * - the complete State Council documents of corpus-full/ are reissued by governments of every level
 *   (国务院, provinces, cities: bench/library/library.json), each under its own document number
 *   and date; a province's or city's copy cites the national original in its preamble
 *   (为贯彻落实《…》（国发〔…〕…号）精神), which the library also holds, so citations resolve;
 * - the seed's shape (seeds/, the one complete plan of its genre) is reissued by science
 *   associations, with sentences of the cut captures of corpus/ woven into its tasks;
 * - each issuer keeps a series: the same kind of plan over consecutive years, where most tasks
 *   are carried over from last year's plan (same words → SAME_AS) and the others reworded
 *   (→ CONTINUES); lead units are renamed at the issuer's level (财政部 → 省财政厅).
 *
 * Deterministic: the same --seed and --n give the same files, byte for byte.
 *
 *   npx tsx bench/library/generate.ts --n 100 --seed 1 --out bench/out/library-100 [--corpus ../shared]
 *
 * Writes NNNN-<plan id>.txt per plan and manifest.json (plan id, issuer, year, template, what it cites).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import { derivePlanId } from '../../src/ingest/plan-id.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SEED = join(REPO, 'seeds/cast-2018-reform-key-tasks.txt');

interface Issuer {
  readonly name: string;
  readonly office: string;
  readonly level: 'national' | 'province' | 'city';
  readonly number?: string;
  readonly officeNumber?: string;
  readonly unitPrefix?: string;
}

interface Data {
  readonly governments: readonly Issuer[];
  readonly associations: readonly Issuer[];
  readonly units: {
    readonly endings: readonly string[];
    readonly replace: Readonly<Record<string, Readonly<Record<string, string>>>>;
  };
  readonly synonyms: readonly (readonly [string, string])[];
  readonly citeLead: readonly [string, string];
  readonly years: readonly [number, number];
}

/** A template: a real plan text, its tasks' spans, and where its header and signature sit. */
interface Template {
  readonly name: string;
  readonly kind: 'gov' | 'cast';
  readonly text: string;
  /** Task spans (start, end) in the text, in order, none inside another. */
  readonly tasks: readonly { start: number; end: number }[];
  /** gov: the issuer the original names (国务院 / 国务院办公厅), its title, number and year. */
  readonly issuer: string;
  readonly title: string;
  readonly number: string | null;
  readonly year: number;
}

export interface GeneratedPlan {
  readonly file: string;
  readonly planId: string;
  readonly issuer: string;
  readonly level: string;
  readonly year: number;
  readonly template: string;
  /** Tasks whose words are last year's plan's, unchanged. */
  readonly carriedOver: number;
  readonly tasks: number;
  /** The document the plan's preamble cites (the national original), if any. */
  readonly cites: string | null;
}

export interface GenerateOptions {
  readonly n: number;
  readonly seed: string;
  readonly out: string;
  /** The folder holding corpus-full/ and corpus/. */
  readonly corpus: string;
}

/** A number in [0, 1) from the seed and a key: every decision depends on what it decides, not on order. */
function chance(seed: string, ...key: (string | number)[]): number {
  const digest = createHash('sha1')
    .update(`${seed}\u0000${key.join('\u0000')}`)
    .digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

function pick<T>(list: readonly T[], seed: string, ...key: (string | number)[]): T {
  return list[Math.floor(chance(seed, ...key) * list.length)]!;
}

const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const NUMBER = /^(.+?)〔(\d{4})〕(\d+)号$/;

/** A State Council document as a template: title lines, number line, signature and date found. */
function govTemplate(file: string): Template | null {
  let text: string;
  let model;
  try {
    const read = readPlanFile(file);
    text = read.text;
    model = parsePlan(text, read.source);
  } catch {
    return null; // a document the parser refuses is no template
  }
  if (!model.complete) return null;
  const lines = text.split('\n');
  const title = lines[0]!.trim();
  const issuer = title.split('关于')[0]!;
  if (issuer === title || !lines.some((l) => l.trim() === issuer)) return null;
  const date = lines.map((l) => DATE.exec(l.trim())).find((m) => m !== null);
  if (!date) return null;
  const numberLine = lines.slice(1, 8).find((l) => NUMBER.test(l.trim()));
  return {
    name: basename(file, '.txt'),
    kind: 'gov',
    text,
    tasks: taskSpans(model.elements),
    issuer,
    title,
    number: numberLine?.trim() ?? null,
    year: Number(date[1]),
  };
}

function castTemplate(): Template {
  const { text, source } = readPlanFile(SEED);
  const model = parsePlan(text, source);
  return {
    name: 'seed',
    kind: 'cast',
    text,
    tasks: taskSpans(model.elements),
    issuer: model.issuer ?? '',
    title: model.title,
    number: null,
    year: 2018,
  };
}

function taskSpans(
  elements: readonly { kind: string; span: { start: number; end: number } }[],
): { start: number; end: number }[] {
  const spans = elements
    .filter((e) => e.kind === 'Task')
    .map((e) => ({ start: e.span.start, end: e.span.end }))
    .sort((a, b) => a.start - b.start);
  return spans.filter((s, i) => i === 0 || s.start >= spans[i - 1]!.end);
}

/** The sentences of the cut captures: plain CJK clauses, woven into reworded tasks. */
function corpusSentences(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out = new Set<string>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()) {
    for (const sentence of readFileSync(join(dir, name), 'utf8').split(/[。\n]/)) {
      const s = sentence.trim();
      if (s.length >= 12 && s.length <= 60 && /^[\u4e00-\u9fa5，、]+$/.test(s)) out.add(`${s}。`);
    }
  }
  return [...out];
}

/** Lead units in annotations such as （财政部、发展改革委等负责） or (调宣部牵头), renamed at the issuer's level. */
function renameUnits(text: string, issuer: Issuer, data: Data): string {
  const replace = data.units.replace[issuer.level];
  if (issuer.level === 'national' || replace === undefined) return text;
  const rename = (unit: string): string => {
    const ending = data.units.endings.find((e) => unit.endsWith(e));
    if (ending === undefined || unit.startsWith(issuer.unitPrefix ?? '')) return unit;
    const renamed = replace[ending] === undefined ? unit : unit.slice(0, -ending.length) + replace[ending];
    return `${issuer.unitPrefix ?? ''}${renamed}`;
  };
  return text.replace(
    /([（(])([^（）()]{2,120}?)(等)?(负责|牵头)([^（）()]*[）)])/g,
    (_m, open: string, units: string, etc: string | undefined, verb: string, close: string) =>
      `${open}${units.split('、').map(rename).join('、')}${etc ?? ''}${verb}${close}`,
  );
}

/** A task's words in one version: some synonyms swapped (never inside 《…》), maybe a corpus sentence added. */
function reword(
  task: string,
  data: Data,
  sentences: readonly string[],
  seed: string,
  version: string,
): string {
  const parts = task.split(/(《[^》]*》)/);
  let out = parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let s = part;
      for (const [index, [a, b]] of data.synonyms.entries()) {
        if (chance(seed, version, 'syn', index) < 0.35) s = s.split(a).join(b);
      }
      return s;
    })
    .join('');
  const stop = out.indexOf('。');
  if (sentences.length > 0 && stop > 0 && chance(seed, version, 'add') < 0.3) {
    out = out.slice(0, stop + 1) + pick(sentences, seed, version, 'sentence') + out.slice(stop + 1);
  }
  return out;
}

/** Which version of a task a plan of the series carries: last year's (carried over) or a new one. */
function taskVersion(seed: string, series: string, task: number, year: number, first: number): number {
  let version = first;
  for (let y = first + 1; y <= year; y += 1) if (chance(seed, series, task, y, 'carry') >= 0.7) version = y;
  return version;
}

interface Planned {
  readonly series: string;
  readonly issuer: Issuer;
  readonly template: Template;
  readonly year: number;
  readonly first: number;
  readonly office: boolean;
}

/** Series of plans (issuer × template over consecutive years), in year order so "last year" comes first. */
function schedule(data: Data, templates: readonly Template[], options: GenerateOptions): Planned[] {
  const [from, to] = data.years;
  const gov = templates.filter((t) => t.kind === 'gov');
  const cast = templates.filter((t) => t.kind === 'cast');
  const planned: Planned[] = [];
  const seen = new Set<string>();
  for (let s = 0; planned.length < options.n * 1.5 + 20 && s < options.n * 20; s += 1) {
    const association = chance(options.seed, s, 'association') < 0.3 && cast.length > 0;
    const issuer = pick(association ? data.associations : data.governments, options.seed, s, 'issuer');
    const template = pick(association ? cast : gov, options.seed, s, 'template');
    const series = `${issuer.name}|${template.name}`;
    if (seen.has(series)) continue;
    seen.add(series);
    const length = 1 + Math.floor(chance(options.seed, s, 'length') * 5);
    // A copy of a national document comes after it.
    const earliest = template.kind === 'gov' ? Math.max(from, template.year) : from;
    const first =
      earliest + Math.floor(chance(options.seed, s, 'first') * Math.max(1, to - earliest + 2 - length));
    // A State Council document is issued by the State Council or by its General Office, as the original.
    const office = template.kind === 'gov' ? template.issuer.endsWith('办公厅') : true;
    for (let year = first; year < first + length; year += 1)
      planned.push({ series, issuer, template, year, first, office });
  }
  return planned.sort((a, b) => a.year - b.year || (a.series < b.series ? -1 : a.series > b.series ? 1 : 0));
}

/** The national originals, as they are: what the provinces' and cities' copies cite. */
function originals(templates: readonly Template[]): { template: Template; text: string }[] {
  return templates
    .filter((t) => t.kind === 'gov' && t.number !== null)
    .map((t) => ({ template: t, text: t.text }));
}

function render(p: Planned, data: Data, sentences: readonly string[], seed: string, serial: number): string {
  const { template, issuer, year } = p;
  // Tasks first, on the template's own offsets, from the last so earlier offsets stay right.
  let text = template.text;
  for (let i = template.tasks.length - 1; i >= 0; i -= 1) {
    const { start, end } = template.tasks[i]!;
    const version = taskVersion(seed, p.series, i, year, p.first);
    const words = reword(text.slice(start, end), data, sentences, seed, `${p.series}|${i}|${version}`);
    text = text.slice(0, start) + renameUnits(words, issuer, data) + text.slice(end);
  }
  const lines = text.split('\n');
  if (template.kind === 'cast') {
    // The seed's page: notice title, dates and signature above the plan's title name the issuer and year.
    const titleAt = lines.findIndex((l) => l.trim() === template.title);
    for (let i = 0; i <= titleAt; i += 1) {
      lines[i] = lines[i]!.split(template.issuer).join(issuer.office).split('2018').join(String(year));
    }
    return lines.join('\n');
  }
  const signer = p.office ? issuer.office : issuer.name;
  const code = p.office ? issuer.officeNumber! : issuer.number!;
  const number = `${code}〔${year}〕${serial}号`;
  // Title lines: the first, then the same title broken over lines.
  let at = 1;
  for (let joined = ''; at < lines.length && joined !== template.title && at < 8; at += 1) {
    joined += lines[at]!.trim();
  }
  lines[0] = lines[0]!.replace(template.issuer, signer);
  lines[1] = lines[1]!.replace(template.issuer, signer);
  if (NUMBER.test(lines[at]?.trim() ?? '')) lines[at] = number;
  else lines.splice(at, 0, number);
  // The preamble: the first long paragraph after the addressees cites the national original.
  if (issuer.level !== 'national' && template.number !== null) {
    const preamble = lines.findIndex(
      (l, i) => i > at && l.length > 40 && !/^[一二三四五六七八九十（(\d]/.test(l),
    );
    if (preamble > 0) {
      const [lead, tail] = data.citeLead;
      lines[preamble] = `${lead}《${template.title}》（${template.number}）${tail}${lines[preamble]}`;
    }
  }
  for (let i = lines.length - 1; i > at; i -= 1) {
    const date = DATE.exec(lines[i]!.trim());
    if (date) {
      lines[i] = `${year}年${date[2]}月${date[3]}日`;
      if (lines[i - 1]!.trim() === template.issuer) lines[i - 1] = signer;
      break;
    }
  }
  return lines.join('\n');
}

/** The plan id the loader will derive, from the facts written: a generated plan never takes another's id. */
function expectedId(p: Planned, text: string): string | null {
  const lines = text.split('\n');
  if (p.template.kind === 'cast') {
    const notice = lines.find((l) => l.includes('关于印发'))?.trim() ?? null;
    return derivePlanId({
      title: p.template.title.replace('2018', String(p.year)),
      noticeTitle: notice,
      issuer: null,
      issuedDate: null,
    });
  }
  const number = lines.slice(1, 9).find((l) => NUMBER.test(l.trim()));
  return derivePlanId({
    title: lines[0]!.trim(),
    noticeTitle: lines[0]!.trim(),
    issuer: null,
    issuedDate: `${p.year}-01-01`,
    documentNumber: number ?? null,
  });
}

export function generateLibrary(options: GenerateOptions): GeneratedPlan[] {
  const data = JSON.parse(readFileSync(join(REPO, 'bench/library/library.json'), 'utf8')) as Data;
  const full = join(options.corpus, 'corpus-full');
  if (!existsSync(full)) {
    throw new Error(
      `expected the shared corpora under ${options.corpus} (corpus-full/, corpus/), found no ${full}: give --corpus`,
    );
  }
  const templates = [
    castTemplate(),
    ...readdirSync(full)
      .filter((n) => n.endsWith('.txt'))
      .sort()
      .map((n) => govTemplate(join(full, n)))
      .filter((t): t is Template => t !== null),
  ];
  const sentences = corpusSentences(join(options.corpus, 'corpus'));
  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  const plans: GeneratedPlan[] = [];
  const ids = new Set<string>();
  const serials = new Map<string, number>();
  const write = (text: string, planId: string, meta: Omit<GeneratedPlan, 'file' | 'planId'>) => {
    const file = `${String(plans.length + 1).padStart(4, '0')}-${planId}.txt`;
    writeFileSync(join(options.out, file), text);
    ids.add(planId);
    plans.push({ file, planId, ...meta });
  };
  // The seeds' plan ids stay theirs: a library loaded beside the seed must not clash with it.
  const manifest = JSON.parse(readFileSync(join(REPO, 'seeds/manifest.json'), 'utf8')) as {
    plans: { planId: string }[];
  };
  for (const { planId } of manifest.plans) ids.add(planId);
  // The national originals first, unchanged: the documents the reissued copies cite (a tenth of
  // the library at most, so that a small library is mostly reissued copies).
  const national = Math.max(1, Math.round(options.n / 10));
  for (const { template, text } of originals(templates)) {
    if (plans.length >= national) break;
    const id = expectedId(
      {
        series: '',
        issuer: data.governments[0]!,
        template,
        year: template.year,
        first: template.year,
        office: false,
      },
      text,
    );
    if (id === null || ids.has(id)) continue;
    const issuer = data.governments.find((g) => g.name === template.issuer || g.office === template.issuer);
    write(text, id, {
      issuer: template.issuer,
      level: issuer?.level ?? 'national',
      year: template.year,
      template: template.name,
      carriedOver: 0,
      tasks: template.tasks.length,
      cites: null,
    });
  }
  for (const p of schedule(data, templates, options)) {
    if (plans.length >= options.n) break;
    if (p.template.kind === 'gov' && (p.issuer.number === undefined || p.issuer.officeNumber === undefined))
      continue;
    const key = `${p.office ? p.issuer.officeNumber : p.issuer.number}|${p.year}`;
    // Serials of one issuer's numbers in a year go up; the start differs by issuer and year.
    const serial = serials.get(key) ?? 1 + Math.floor(chance(options.seed, key, 'serial') * 120);
    serials.set(key, serial + 1);
    const text = render(p, data, sentences, options.seed, serial);
    const id = expectedId(p, text);
    if (id === null || ids.has(id)) continue; // two issuers whose initials meet: the later is left out
    const carriedOver = p.template.tasks.filter(
      (_t, i) => p.year > p.first && taskVersion(options.seed, p.series, i, p.year, p.first) < p.year,
    ).length;
    write(text, id, {
      issuer: p.office ? p.issuer.office : p.issuer.name,
      level: p.issuer.level,
      year: p.year,
      template: p.template.name,
      carriedOver,
      tasks: p.template.tasks.length,
      cites: p.issuer.level !== 'national' && p.template.number !== null ? p.template.number : null,
    });
  }
  if (plans.length < options.n) {
    throw new Error(
      `expected ${options.n} plans, could make ${plans.length}: the data gives too few issuers`,
    );
  }
  writeFileSync(
    join(options.out, 'manifest.json'),
    JSON.stringify({ n: options.n, seed: options.seed, plans }, null, 2) + '\n',
  );
  return plans;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      corpus: { type: 'string', default: resolve(REPO, '../shared') },
    },
  });
  const n = Number(values.n);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--n: expected a whole number from 1, found ${values.n}`);
  const out = values.out ?? `bench/out/library-${n}`;
  const started = performance.now();
  const plans = generateLibrary({ n, seed: values.seed, out, corpus: values.corpus });
  console.log(
    `wrote ${plans.length} plans to ${out} in ${(performance.now() - started).toFixed(0)} ms ` +
      `(seed ${values.seed}; ${new Set(plans.map((p) => p.issuer)).size} issuers, ` +
      `${plans.filter((p) => p.cites !== null).length} citing a national original, ` +
      `${plans.reduce((s, p) => s + p.carriedOver, 0)} tasks carried over)`,
  );
}
