/**
 * The parser's words, read from `seeds/`: genre.json (heading words → element kinds, lead and
 * metadata cue words), departments.json (lead units' full names, only where a source gives one)
 * and manifest.json (known sources: plan id, page URL, facts recorded outside the text).
 *
 * Each file is validated as it is read; a malformed file stops the parser with a BAD_SEED_DATA
 * error naming the file, the field, what was expected and what was found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOT_A_PLAN_CODES, PlanParseError } from './errors.ts';
import type { NotAPlanCode } from './errors.ts';
import type { ElementKind } from './model.ts';

/** Kinds a heading may give to the numbered items under it (SubItem comes from a task, never a heading). */
export type SectionItemKind = Exclude<ElementKind, 'SubItem'>;

export interface KindRule {
  /** null: headings that hold prose and never items of their own (总体要求, 指导思想). */
  readonly kind: SectionItemKind | null;
  readonly words: readonly string[];
}

export interface ParticipantRule {
  /** Stored as PARTICIPATES.role: 配合, 责任, 参与, 协办. */
  readonly role: string;
  /** Labels followed by a colon: 配合单位, 责任单位. */
  readonly labels: readonly string[];
  /** Words after the names inside a lead bracket: "(X牵头,Y配合)". May be empty. */
  readonly inlineWords: readonly string[];
}

export interface Genre {
  /** Heading words → kind of the numbered items under the heading. */
  readonly sectionKinds: readonly KindRule[];
  /** Plan-title words → kind of items under top-level headings no sectionKinds word names. */
  readonly planKinds: readonly { readonly kind: SectionItemKind; readonly words: readonly string[] }[];
  /** Words announcing a task's inline sub-items: 具体包括. */
  readonly subItemCues: readonly string[];
  readonly leads: {
    /** "(XX牵头)": the word before the closing bracket. */
    readonly inlineWords: readonly string[];
    /** "牵头单位:XX": labels of a lead line. */
    readonly lineLabels: readonly string[];
    /** Other assignment labels (责任单位, 完成时限): part of the item's tail, never its text. */
    readonly otherLabels: readonly string[];
    /** Words joining two unit names ("办公厅和信息中心"). */
    readonly conjunctions: readonly string[];
    readonly namePrefixes: readonly string[];
    readonly nameSuffixes: readonly string[];
    /** Endings of unit names, used to tell "办公厅和信息中心" (two units) from "人力资源和社会保障局" (one). */
    readonly unitSuffixes: readonly string[];
    /**
     * Units that take part without leading: "配合单位:X" lines and labels, "(X牵头,Y配合)". The
     * role is the word stored on the PARTICIPATES relationship.
     */
    readonly participants: readonly ParticipantRule[];
    /** Openings of a name that means every unit of a kind (各部门, 有关单位): no participant. */
    readonly collectivePrefixes: readonly string[];
    /** Names of no unit in particular ("人民银行等部门"): dropped like collectives. */
    readonly genericUnits: readonly string[];
  };
  readonly metadata: {
    readonly publishedLabels: readonly string[];
    readonly noticeTitleSuffixes: readonly string[];
    readonly noticeIssuerSeparators: readonly string[];
    readonly approvalPrefixes: readonly string[];
    readonly approvalSuffixes: readonly string[];
    readonly copyToLabels: readonly string[];
    readonly printedSuffixes: readonly string[];
    readonly attachmentLabels: readonly string[];
    readonly closingNotes: readonly string[];
    /** Words of the notice's body that hand the plan over: 现将…印发给你们. */
    readonly noticeBodyCues: readonly string[];
    /** Verbs of a notice title: 关于印发《…》的通知. */
    readonly noticeTitleWords: readonly string[];
    /** Marks after a title that are not the title: (征求意见稿). */
    readonly draftMarks: readonly string[];
    /** Words a plan's title ends with (要点, 方案, 计划): they join a title broken over two lines. */
    readonly titleEndings: readonly string[];
  };
  /** Who leads among the units of one annotation: "X会同Y", and the document's stated convention. */
  readonly responsibility: {
    readonly jointWords: readonly string[];
    readonly jointRole: string;
    /** A convention opens with one of these (排在第一位的, 列第一位者) … */
    readonly firstWords: readonly string[];
    /** … and names the lead within a few characters (为牵头部门). */
    readonly leadWords: readonly string[];
    /** "下同": the convention covers every later annotation. */
    readonly sameWords: readonly string[];
    /** PARTICIPATES.role of the units after the first under the convention. */
    readonly otherRole: string;
  };
  /** Documents of other kinds (批复, 答复, 条例 …) and what tells they carry a plan after all. */
  readonly documentKinds: {
    readonly kinds: readonly DocumentKindRule[];
    readonly carriesPlan: readonly string[];
  };
  /** Items written without numbers: "一是…二是…" on a heading line; "坚持…" principle paragraphs. */
  readonly unnumberedItems: {
    readonly ordinalSuffixes: readonly string[];
    readonly principleOpeners: readonly string[];
  };
  /** Heading words of the opening part (重要意义): paragraphs under it are never one task. */
  readonly openingSections: { readonly words: readonly string[] };
  /** Heading words of a closing section about carrying the plan out (组织实施, 有关要求). */
  readonly closingSections: { readonly words: readonly string[] };
  /**
   * Unheaded closing paragraphs after a plan's last item (各地区、各部门要…抓好落实): their openers,
   * their words (two make one), and the clauses (同时废止, 自印发之日起施行) that are no guarantee.
   */
  readonly closingParagraphs: {
    readonly openers: readonly string[];
    readonly words: readonly string[];
    readonly clauses: readonly string[];
  };

  /** Attachments after the imprint (附件 / 附件1): what their titles and table columns say they are. */
  readonly attachments: {
    /** Title words of an appendix of indicators (…考核指标): kept beside the plan, never read as a plan. */
    readonly indicatorWords: readonly string[];
    /** Title words of an attached list that is the plan's tasks (…清单, 任务分工表). */
    readonly listWords: readonly string[];
    /** Column headings of such a list, by role. Any other column is kept on each task as written. */
    readonly columns: {
      readonly number: readonly string[];
      readonly title: readonly string[];
      readonly text: readonly string[];
      /** In order of preference: the first present is the lead column. */
      readonly lead: readonly string[];
      readonly participants: readonly string[];
    };
  };
  /** Column headings of a task table (序号, 责任单位): a layout read row by row, not as an outline. */
  readonly tableHeaderWords: readonly string[];
  /** Characters that, right after a bare number, make it a quantity (4个, 1970项), not a marker. */
  readonly quantityFollowers: readonly string[];
}

export interface DocumentKindRule {
  /** The refusal code: NOT_A_PLAN_APPROVAL … */
  readonly code: NotAPlanCode;
  /** The kind word a user knows the document by (批复). */
  readonly kind: string;
  readonly titleEndings: readonly string[];
  /** "条": lines opening 第一条, 第二条 … mark a document of articles. */
  readonly articleWord: string | null;
}

export interface DepartmentEntry {
  readonly name: string;
  readonly organisation: string | null;
  readonly fullName: string | null;
  readonly source: string | null;
  readonly note: string | null;
}

export interface KnownFact {
  readonly value: string;
  /** Where the value comes from: it is not read from the text. */
  readonly source: string;
}

export interface ManifestEntry {
  readonly file: string;
  readonly sha256: string | null;
  readonly planId: string;
  readonly url: string | null;
  /**
   * Where a known capture stops mid-plan, when it does: such a source is loaded as `--partial`
   * would load it (what was read, marked incomplete). Null for a whole text.
   */
  readonly cut: string | null;
  /** Facts recorded beside the source (e.g. the issue date the capture lost), never the parser's own finding. */
  readonly knownFacts: Readonly<Record<string, KnownFact>>;
}

export interface SeedData {
  readonly genre: Genre;
  readonly departments: readonly DepartmentEntry[];
  readonly manifest: readonly ManifestEntry[];
}

/** The project's own seeds folder. */
export const DEFAULT_SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

const ELEMENT_KINDS: readonly SectionItemKind[] = ['Principle', 'Goal', 'Task', 'Guarantee', 'Step'];

/** A tiny reader that knows where it is, so every complaint names the file and the field. */
class Reader {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly value: unknown,
  ) {}

  fail(expected: string): never {
    throw new PlanParseError(
      'BAD_SEED_DATA',
      null,
      `${this.path} to be ${expected}`,
      describe(this.value),
      this.file,
    );
  }

  field(name: string): Reader {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value))
      this.fail('an object');
    return new Reader(this.file, `${this.path}.${name}`, (this.value as Record<string, unknown>)[name]);
  }

  has(name: string): boolean {
    return typeof this.value === 'object' && this.value !== null && name in this.value;
  }

  items(): Reader[] {
    if (!Array.isArray(this.value)) this.fail('an array');
    return (this.value as unknown[]).map((v, i) => new Reader(this.file, `${this.path}[${i}]`, v));
  }

  string(): string {
    if (typeof this.value !== 'string' || this.value.trim() === '') this.fail('a non-empty string');
    return this.value as string;
  }

  stringOrNull(): string | null {
    return this.value === null || this.value === undefined ? null : this.string();
  }

  words(): string[] {
    const list = this.items().map((r) => r.string());
    if (list.length === 0) this.fail('a non-empty list of words');
    return list;
  }

  kind(allowNull: boolean): SectionItemKind | null {
    if (allowNull && this.value === null) return null;
    if (!ELEMENT_KINDS.includes(this.value as SectionItemKind)) {
      this.fail(`one of ${ELEMENT_KINDS.join(', ')}${allowNull ? ' or null' : ''}`);
    }
    return this.value as SectionItemKind;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function readJson(dir: string, file: string): Reader {
  const path = join(dir, file);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new PlanParseError('BAD_SEED_DATA', null, `a readable ${file}`, (e as Error).message, path);
  }
  try {
    return new Reader(file, file.replace(/\.json$/, ''), JSON.parse(raw));
  } catch (e) {
    throw new PlanParseError('BAD_SEED_DATA', null, 'valid JSON', (e as Error).message, path);
  }
}

function notAPlanCode(r: Reader): NotAPlanCode {
  const code = r.string();
  if (!(NOT_A_PLAN_CODES as readonly string[]).includes(code))
    r.fail(`one of ${NOT_A_PLAN_CODES.join(', ')}`);
  return code as NotAPlanCode;
}

/** Validates genre.json's content. Exported so tests can show what a bad file is told. */
export function parseGenre(json: unknown, file = 'genre.json'): Genre {
  const r = new Reader(file, 'genre', json);
  const leads = r.field('leads');
  const meta = r.field('metadata');
  const resp = r.field('responsibility');
  const kinds = r.field('documentKinds');
  const w = (x: Reader, name: string) => x.field(name).words();
  return {
    sectionKinds: r
      .field('sectionKinds')
      .items()
      .map((k) => ({ kind: k.field('kind').kind(true), words: w(k, 'words') })),
    planKinds: r
      .field('planKinds')
      .items()
      .map((k) => ({ kind: k.field('kind').kind(false) as SectionItemKind, words: w(k, 'words') })),
    subItemCues: w(r, 'subItemCues'),
    leads: {
      inlineWords: w(leads, 'inlineWords'),
      lineLabels: w(leads, 'lineLabels'),
      otherLabels: w(leads, 'otherLabels'),
      conjunctions: w(leads, 'conjunctions'),
      namePrefixes: w(leads, 'namePrefixes'),
      nameSuffixes: w(leads, 'nameSuffixes'),
      unitSuffixes: w(leads, 'unitSuffixes'),
      participants: leads
        .field('participants')
        .items()
        .map((p) => ({
          role: p.field('role').string(),
          labels: w(p, 'labels'),
          inlineWords: p
            .field('inlineWords')
            .items()
            .map((x) => x.string()),
        })),
      collectivePrefixes: w(leads, 'collectivePrefixes'),
      genericUnits: w(leads, 'genericUnits'),
    },
    metadata: {
      publishedLabels: w(meta, 'publishedLabels'),
      noticeTitleSuffixes: w(meta, 'noticeTitleSuffixes'),
      noticeIssuerSeparators: w(meta, 'noticeIssuerSeparators'),
      approvalPrefixes: w(meta, 'approvalPrefixes'),
      approvalSuffixes: w(meta, 'approvalSuffixes'),
      copyToLabels: w(meta, 'copyToLabels'),
      printedSuffixes: w(meta, 'printedSuffixes'),
      attachmentLabels: w(meta, 'attachmentLabels'),
      closingNotes: w(meta, 'closingNotes'),
      noticeBodyCues: w(meta, 'noticeBodyCues'),
      noticeTitleWords: w(meta, 'noticeTitleWords'),
      draftMarks: w(meta, 'draftMarks'),
      titleEndings: w(meta, 'titleEndings'),
    },
    responsibility: {
      jointWords: w(resp, 'jointWords'),
      jointRole: resp.field('jointRole').string(),
      firstWords: w(resp, 'firstWords'),
      leadWords: w(resp, 'leadWords'),
      sameWords: w(resp, 'sameWords'),
      otherRole: resp.field('otherRole').string(),
    },
    documentKinds: {
      kinds: kinds
        .field('kinds')
        .items()
        .map((k) => ({
          code: notAPlanCode(k.field('code')),
          kind: k.field('kind').string(),
          titleEndings: w(k, 'titleEndings'),
          articleWord: k.has('articleWord') ? k.field('articleWord').string() : null,
        })),
      carriesPlan: w(kinds, 'carriesPlan'),
    },
    unnumberedItems: {
      ordinalSuffixes: w(r.field('unnumberedItems'), 'ordinalSuffixes'),
      principleOpeners: w(r.field('unnumberedItems'), 'principleOpeners'),
    },
    openingSections: { words: w(r.field('openingSections'), 'words') },
    closingSections: { words: w(r.field('closingSections'), 'words') },
    closingParagraphs: {
      openers: w(r.field('closingParagraphs'), 'openers'),
      words: w(r.field('closingParagraphs'), 'words'),
      clauses: w(r.field('closingParagraphs'), 'clauses'),
    },

    attachments: (() => {
      const a = r.field('attachments');
      const c = a.field('columns');
      return {
        indicatorWords: w(a, 'indicatorWords'),
        listWords: w(a, 'listWords'),
        columns: {
          number: w(c, 'number'),
          title: w(c, 'title'),
          text: w(c, 'text'),
          lead: w(c, 'lead'),
          participants: w(c, 'participants'),
        },
      };
    })(),
    tableHeaderWords: w(r, 'tableHeaderWords'),
    quantityFollowers: w(r, 'quantityFollowers'),
  };
}

export function parseDepartments(json: unknown, file = 'departments.json'): DepartmentEntry[] {
  const r = new Reader(file, 'departments', json);
  const seen = new Set<string>();
  return r
    .field('departments')
    .items()
    .map((d) => {
      const name = d.field('name').string();
      if (seen.has(name)) d.field('name').fail('a name not listed before');
      seen.add(name);
      const fullName = d.field('fullName').stringOrNull();
      const source = d.field('source').stringOrNull();
      // A full name is only as good as its source: one without the other is refused.
      if ((fullName === null) !== (source === null)) d.field('source').fail('given exactly when fullName is');
      return {
        name,
        organisation: d.has('organisation') ? d.field('organisation').stringOrNull() : null,
        fullName,
        source,
        note: d.has('note') ? d.field('note').stringOrNull() : null,
      };
    });
}

export function parseManifest(json: unknown, file = 'manifest.json'): ManifestEntry[] {
  const r = new Reader(file, 'manifest', json);
  return r
    .field('plans')
    .items()
    .map((p) => {
      const planId = p.field('planId').string();
      if (!/^[a-z0-9][a-z0-9-]*$/.test(planId)) p.field('planId').fail('lower-case letters, digits and "-"');
      const sha256 = p.has('sha256') ? p.field('sha256').stringOrNull() : null;
      if (sha256 !== null && !/^[0-9a-f]{64}$/.test(sha256))
        p.field('sha256').fail('64 lower-case hex digits');
      const facts: Record<string, KnownFact> = {};
      if (p.has('knownFacts')) {
        const kf = p.field('knownFacts');
        if (typeof kf.value !== 'object' || kf.value === null || Array.isArray(kf.value))
          kf.fail('an object');
        for (const key of Object.keys(kf.value as object)) {
          const f = kf.field(key);
          facts[key] = { value: f.field('value').string(), source: f.field('source').string() };
        }
      }
      return {
        file: p.field('file').string(),
        sha256,
        planId,
        url: p.has('url') ? p.field('url').stringOrNull() : null,
        cut: p.has('cut') ? p.field('cut').stringOrNull() : null,
        knownFacts: facts,
      };
    });
}

const cache = new Map<string, SeedData>();

/** Reads and validates the three seed files of `dir` (cached per folder). */
export function loadSeedData(dir: string = DEFAULT_SEEDS_DIR): SeedData {
  const hit = cache.get(dir);
  if (hit) return hit;
  const data: SeedData = {
    genre: parseGenre(readJson(dir, 'genre.json').value),
    departments: parseDepartments(readJson(dir, 'departments.json').value),
    manifest: parseManifest(readJson(dir, 'manifest.json').value),
  };
  cache.set(dir, data);
  return data;
}

/** The manifest entry for a source: by sha256 first (the bytes), else by file name. */
export function findManifestEntry(
  manifest: readonly ManifestEntry[],
  source: { readonly file: string; readonly sha256: string },
): ManifestEntry | null {
  return (
    manifest.find((m) => m.sha256 !== null && m.sha256 === source.sha256) ??
    manifest.find((m) => m.file === source.file) ??
    null
  );
}
