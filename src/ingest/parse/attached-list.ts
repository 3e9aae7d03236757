/**
 * An attached list that is the plan's tasks (附件: …清单), as pages give a table: one cell per line.
 * The header (序号 / 改革举措 / 主要内容 / 负责单位 / 推广范围 …) names the columns; each row opens
 * with its number (1, 2, …) alone on a line and its cells follow in column order. A line opening
 * with a heading marker (一、 / (一)), or any line standing where no cell is due, is a merged
 * section row: the rows after it are its tasks. A row short of cells took the missing last ones
 * from the row above (a merged cell), which a warning names.
 *
 * Each row is a task: its title and text from the title and text columns, its lead units from the
 * lead column read as a lead annotation is (every unit leads; under a stated convention the first
 * leads and the others take part), its other columns kept as they are written.
 */
import type {
  ColumnValueModel,
  ElementModel,
  LeadModel,
  ParseWarning,
  ParticipationModel,
  SectionModel,
} from '../model.ts';
import type { Genre } from '../seed-data.ts';
import type { Attachment } from './attachments.ts';
import { splitUnitNames } from './leads.ts';
import type { LineIndex, Para } from './lines.ts';
import { markerAt } from './markers.ts';
import { sentenceTitle } from './titles.ts';

export interface ListEnv {
  readonly text: string;
  readonly paras: readonly Para[];
  readonly index: LineIndex;
  readonly genre: Genre;
  readonly known: ReadonlySet<string>;
  readonly planId: string;
  /**
   * The document's responsibility convention, when it states one (排在第一位的部门为牵头部门): the
   * first unit of a lead cell leads, the others take part with this role. Null: every unit leads.
   */
  readonly convention: { readonly role: string } | null;
}

export interface ListRead {
  readonly sections: SectionModel[];
  readonly elements: ElementModel[];
  readonly leads: LeadModel[];
  readonly participations: ParticipationModel[];
  readonly warnings: ParseWarning[];
}

type Role = 'number' | 'title' | 'text' | 'lead' | 'participants' | 'other';

interface Column {
  readonly name: string;
  readonly role: Role;
}

/** The role a heading cell names; the lead column is the first present of genre's lead words. */
function roleOf(cell: string, genre: Genre): Role | null {
  const c = genre.attachments.columns;
  const is = (words: readonly string[]) =>
    words.some((w) => cell === w || (cell.length <= w.length + 4 && cell.includes(w)));
  if (is(c.number)) return 'number';
  if (is(c.lead)) return 'lead';
  if (is(c.participants)) return 'participants';
  if (is(c.text)) return 'text';
  if (is(c.title)) return 'title';
  return null;
}

const ROW_NUMBER = /^([0-9０-９]{1,4})[.．、]?$/;
const rowNumber = (p: Para): number | null => {
  const m = ROW_NUMBER.exec(p.text);
  return m === null ? null : Number(m[1]!.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
};

/** A cell short and plain enough to be a column heading. */
const headingCell = (p: Para): boolean => p.text.length <= 12 && !/[。；;，,]/.test(p.text);

/** A merged row naming a group of rows: "一、投资管理领域", "（二）贸易便利化". */
function isSectionRow(env: ListEnv, p: Para): boolean {
  const m = markerAt(env.text, p.start, env.genre.quantityFollowers);
  return m !== null && m.damage === null && (m.shape === 'cn-comma' || m.shape === 'cn-paren');
}

interface Row {
  readonly number: number;
  readonly head: Para;
  readonly cells: Para[];
  readonly sectionId: string;
}

/** Where the list's ids and orders start: after the body's elements and sections. */
export interface ListPlace {
  /** Its place among the plan's attached lists (1-based). */
  readonly ordinal: number;
  /** The list's section number among the top-level sections (after the body's). */
  readonly number: number;
  /** The only task list of a plan with no other task: ids `${plan}/task-N`. */
  readonly unique: boolean;
  readonly orderFrom: number;
  readonly sectionOrderFrom: number;
}

export function readAttachedList(env: ListEnv, a: Attachment, place: ListPlace): ListRead {
  const { ordinal, unique, orderFrom, sectionOrderFrom } = place;
  const { text, paras, index, genre } = env;
  const warnings: ParseWarning[] = [];
  // Header: heading cells up to the first row number; a heading cell naming no known role is kept as "other".
  const columns: Column[] = [];
  let k = a.bodyIndex;
  for (; k < a.endIndex && rowNumber(paras[k]!) === null; k++) {
    const p = paras[k]!;
    if (!headingCell(p) || isSectionRow(env, p)) break;
    columns.push({ name: p.text, role: roleOf(p.text, genre) ?? 'other' });
  }
  const cellColumns = columns.filter((c) => c.role !== 'number');
  const sectionId = `${env.planId}/attachment-${ordinal}`;
  const sections: SectionModel[] = [
    {
      id: sectionId,
      level: 1,
      number: place.number,
      marker: a.label,
      title: text.slice(a.titleStart, a.titleEnd),
      text: '',
      parentId: null,
      itemKind: 'Task',
      order: sectionOrderFrom,
      span: index.span(paras[a.labelIndex]!.start, a.titleEnd),
      textSpan: null,
    },
  ];

  const rows: Row[] = [];
  let current: string = sectionId;
  let expected = 1;
  for (; k < a.endIndex; k++) {
    const p = paras[k]!;
    const n = rowNumber(p);
    if (n !== null && n === expected) {
      rows.push({ number: n, head: p, cells: [], sectionId: current });
      expected++;
      continue;
    }
    const row = rows.at(-1);
    const sectionRow = isSectionRow(env, p) || row === undefined || row.cells.length >= cellColumns.length;
    if (!sectionRow) {
      row.cells.push(p);
      continue;
    }
    // A note under the table ("注：…") ends it.
    if (/^注[:：]?/.test(p.text) && row !== undefined) break;
    const id = `${sectionId}/sec-${sections.length}`;
    const m = markerAt(text, p.start, genre.quantityFollowers);
    const titleStart = m !== null && m.damage === null ? m.bodyStart : p.start;
    sections.push({
      id,
      level: 2,
      number: sections.length,
      marker: titleStart > p.start ? text.slice(p.start, m!.end) : '',
      title: text.slice(titleStart, p.end),
      text: '',
      parentId: sectionId,
      itemKind: 'Task',
      order: sectionOrderFrom + sections.length,
      span: index.span(p.start, p.end),
      textSpan: null,
    });
    current = id;
  }
  if (k < a.endIndex) {
    warnings.push({
      code: 'LIST_NOTE',
      message: `the lines after the last row of ${a.label} (from ${JSON.stringify(paras[k]!.text.slice(0, 20))}) are notes to the list, not rows; kept in no task`,
      line: paras[k]!.line,
    });
  }

  const elements: ElementModel[] = [];
  const leads: LeadModel[] = [];
  const participations: ParticipationModel[] = [];
  let previous: Map<Column, Para> = new Map();
  for (const row of rows) {
    const cells = new Map<Column, Para>();
    row.cells.forEach((c, i) => {
      if (i < cellColumns.length) cells.set(cellColumns[i]!, c);
    });
    if (row.cells.length < cellColumns.length && row.cells.length > 0) {
      for (const col of cellColumns.slice(row.cells.length)) {
        const above = previous.get(col);
        if (above !== undefined) cells.set(col, above);
      }
      warnings.push({
        code: 'LIST_CELL_MERGED',
        message: `row ${row.number} of ${a.label} has ${row.cells.length} of ${cellColumns.length} cells: the last ${cellColumns.length - row.cells.length} (${cellColumns
          .slice(row.cells.length)
          .map((c) => c.name)
          .join('、')}) are read from the row above, a merged cell`,
        line: row.head.line,
      });
    }
    previous = cells;
    const of = (role: Role) =>
      cellColumns
        .filter((c) => c.role === role)
        .map((c) => cells.get(c))
        .filter((p): p is Para => p !== undefined);
    const titleCell = of('title')[0] ?? of('text')[0] ?? row.cells[0];
    const textCells = [...of('title'), ...of('text')].filter((p) => p.start >= row.head.end);
    const bodyCells = textCells.length > 0 ? textCells : row.cells.slice(0, 1);
    const last = row.cells.at(-1) ?? row.head;
    const id = `${env.planId}/${unique ? '' : `attachment-${ordinal}/`}task-${row.number}`;
    const order = orderFrom + elements.length;
    const titleRange =
      titleCell === undefined
        ? ([row.head.end, row.head.end] as const)
        : sentenceTitle(text, titleCell.start, titleCell.end);
    const textStart = bodyCells[0]?.start ?? row.head.end;
    const textEnd = bodyCells.at(-1)?.end ?? row.head.end;
    const columnValues: ColumnValueModel[] = cellColumns
      .filter((c) => c.role === 'other')
      .flatMap((c) => {
        const p = cells.get(c);
        return p === undefined ? [] : [{ name: c.name, value: p.text, span: index.span(p.start, p.end) }];
      });
    elements.push({
      id,
      kind: 'Task',
      number: row.number,
      marker: row.head.text,
      title: text.slice(titleRange[0], titleRange[1]),
      text: bodyCells.map((p) => p.text).join('\n'),
      sectionId: row.sectionId,
      parentId: null,
      order,
      span: index.span(row.head.start, last.end),
      titleSpan: index.span(titleRange[0], titleRange[1]),
      textSpan: index.span(textStart, textEnd),
      columns: columnValues,
    });
    const seen = new Set<string>();
    const collective = (name: string) => genre.leads.collectivePrefixes.some((w) => name.startsWith(w));
    for (const cell of of('lead')) {
      const units = splitUnitNames(text, cell.start, cell.end, genre, env.known).filter(
        (u) => !collective(u.name),
      );
      units.forEach((u, i) => {
        if (seen.has(u.name)) return;
        seen.add(u.name);
        const span = index.span(u.start, u.end);
        if (env.convention !== null && i > 0)
          participations.push({
            departmentId: `dept/${u.name}`,
            taskId: id,
            role: env.convention.role,
            span,
          });
        else leads.push({ departmentId: `dept/${u.name}`, taskId: id, span });
      });
    }
    const role = genre.leads.participants[0]?.role ?? '配合';
    for (const cell of of('participants')) {
      for (const u of splitUnitNames(text, cell.start, cell.end, genre, env.known)) {
        if (seen.has(u.name) || collective(u.name)) continue;
        seen.add(u.name);
        participations.push({
          departmentId: `dept/${u.name}`,
          taskId: id,
          role,
          span: index.span(u.start, u.end),
        });
      }
    }
    if (of('lead').length === 0) {
      warnings.push({
        code: 'LEAD_MISSING',
        message: `task ${row.number} of ${a.label} names no lead unit`,
        line: row.head.line,
      });
    }
  }
  if (rows.length === 0) {
    warnings.push({
      code: 'LIST_EMPTY',
      message: `${a.label} ${JSON.stringify(text.slice(a.titleStart, a.titleEnd))} has column headings but no row numbered 1`,
      line: paras[a.labelIndex]!.line,
    });
  }
  return { sections, elements, leads, participations, warnings };
}
