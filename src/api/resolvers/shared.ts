/**
 * Small pieces every resolver file uses: spans from flat properties, type names from labels,
 * and "load by id or fail" helpers.
 */
import type { Context } from '../context.ts';
import type { DerivedRow, LeadRow, NodeRow, PlanRow, SpanProps } from '../../graph/rows.ts';
import { NotFoundError } from '../errors.ts';
import { checkPlanId } from './args.ts';
import { farEnd } from '../ahead.ts';

/** Node types in the order a label decides them (a node has one of these labels). */
export const NODE_TYPES = [
  'Plan',
  'Section',
  'Principle',
  'Goal',
  'Task',
  'SubItem',
  'Guarantee',
  'Step',
  'Department',
  'Concept',
  'Problem',
  'Document',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export function typeOf(row: { labels: readonly string[] }): NodeType {
  const type = NODE_TYPES.find((t) => row.labels.includes(t));
  if (type === undefined) throw new Error(`node with labels [${row.labels.join(', ')}] has no API type`);
  return type;
}

/** A SourceSpan from a row's flat span properties, with an optional prefix (title → titleStart…). */
export function span(row: SpanProps | Record<string, unknown>, prefix = '') {
  const r = row as Record<string, unknown>;
  const key = (k: string) => (prefix === '' ? k : `${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`);
  return {
    start: Number(r[key('start')]),
    end: Number(r[key('end')]),
    line: Number(r[key('line')]),
    quote: String(r[key('quote')]),
  };
}

/** Loads a node the graph must have (an endpoint of a relationship): absence is a broken graph. */
export async function required<T extends NodeRow>(ctx: Context, id: string): Promise<T> {
  const row = await ctx.loaders.node.load(id);
  if (row === null) throw new Error(`graph inconsistency: node ${id} is referenced but missing`);
  return row as T;
}

/** The node `id` at the far end of an edge row: kept on the row when fetched with it (ahead.ts), else loaded. */
export function endOf<T extends NodeRow>(ctx: Context, edge: object, id: string): T | Promise<T> {
  return farEnd<T>(edge, id) ?? required<T>(ctx, id);
}

export async function requiredAll<T extends NodeRow>(ctx: Context, ids: readonly string[]): Promise<T[]> {
  return Promise.all(ids.map((id) => required<T>(ctx, id)));
}

/** The plan `id` names (checked for shape as `argument`); NOT_FOUND naming `argument` when none. */
export async function planOrFail(ctx: Context, id: string, argument = 'planId'): Promise<PlanRow> {
  const row = await ctx.loaders.node.load(checkPlanId(argument, id)!);
  if (row === null || !row.labels.includes('Plan')) throw new NotFoundError(argument, id);
  return row as PlanRow;
}

/**
 * `rows` of a field filtered by `planId`: an empty answer for a plan the graph does not hold is
 * NOT_FOUND, as everywhere else; the check costs a statement only when the answer is empty.
 */
export async function known<T>(
  ctx: Context,
  planId: string | null | undefined,
  rows: readonly T[],
): Promise<T[]> {
  if (rows.length === 0 && planId) await planOrFail(ctx, planId);
  return [...rows];
}

/** Like planOrFail for an optional argument: null stays null (all plans). */
export async function optionalPlan(ctx: Context, id: string | null | undefined, argument = 'planId') {
  if (id === null || id === undefined) return null;
  await planOrFail(ctx, id, argument);
  return id;
}

/**
 * The whole row of a node that may have come back short (`short: true`: lists fetched ahead leave
 * long text, spans and glosses out, src/graph/rows.ts); fetched, batched, only when a query selects
 * one of those fields.
 */
export async function full<T extends NodeRow>(ctx: Context, row: T): Promise<T> {
  if ((row as { short?: boolean }).short !== true) return row;
  const whole = await ctx.loaders.fullNode.load(row.id);
  if (whole === null) throw new Error(`graph inconsistency: node ${row.id} is referenced but missing`);
  return whole as T;
}

/** Rationale and evidence of a derived edge whose row may have come back short. */
export async function details(
  ctx: Context,
  row: DerivedRow,
): Promise<{ rationale: string | null; evidenceJson: string }> {
  if (row.short !== true) return row;
  return ctx.loaders.derivedDetails.load({ fromId: row.fromId, toId: row.toId });
}

/**
 * Slim rows: a list fetched ahead may bring its rows slimmer than short when the query selects
 * nothing they leave out (each statement's header says what it keeps): an element as id, plan,
 * number, title and labels; a department as id, name and labels; a lead edge as its ends and
 * start. Every database hit and byte of a property nobody asked for is engine and driver work per
 * request. The fields below read what a slim row leaves out; a query that selects one of them
 * gets the fuller rows, and any other reader still gets the right value from `own`.
 */
export const SLIM_ELEMENT_LEAVES = ['marker', 'section', 'truncated', 'task'] as const;
export const SLIM_DEPARTMENT_LEAVES = ['scope', 'aliases', 'fullName', 'fullNameSource'] as const;

/** Whether a selection (names of fields) reads nothing a slim row leaves out. */
export function slimFits(names: ReadonlySet<string>, leaves: readonly string[]): boolean {
  return !leaves.some((name) => names.has(name));
}

/**
 * `then` of a property of a node row, from the whole node when this row is a slim one that left
 * it out (synchronous when the row has it: most rows do).
 */
export function own<T extends NodeRow, K extends keyof T & string, R>(
  ctx: Context,
  row: T,
  key: K,
  then: (value: T[K]) => R,
): R | Promise<R> {
  if (key in row) return then(row[key]);
  return full(ctx, row).then((whole) => then(whole[key]));
}

/** `then` of a lead edge's whole row: this one, or for a slim one (its ends and start) the edge it stands for. */
export function wholeLead<R>(ctx: Context, row: LeadRow, then: (whole: LeadRow) => R): R | Promise<R> {
  if ((row as { short?: boolean }).short !== true) return then(row);
  return fullLead(ctx, row).then(then);
}

async function fullLead(ctx: Context, row: LeadRow): Promise<LeadRow> {
  const leads = await ctx.loaders.fullLeadsByTask.load(row.taskId);
  const whole = leads.find((l) => l.departmentId === row.departmentId && l.start === row.start);
  if (whole === undefined) {
    throw new Error(`graph inconsistency: no lead ${row.departmentId} -> ${row.taskId} at ${row.start}`);
  }
  return whole;
}
