/**
 * Slim rows sent as lists of values (cypher/tasks-filtered.cypher, cypher/goals-by-plan.cypher),
 * made into the rows the resolvers read. The driver decodes a Cypher map key by key: a string and
 * an Object.defineProperty for every key of every row, which for a list of tasks with their
 * sub-items, leads, goals and concepts was most of the decoding; a list of the same values costs
 * the values alone, and its keys never cross Bolt. The rows made here are the ones the maps gave
 * (`short: true`: resolvers/shared.ts fetches the whole node or edge for any field left out).
 */
import type {
  ConceptRow,
  DepartmentRow,
  DerivedRow,
  ElementRow,
  LeadRow,
  NodeRow,
} from '../../graph/rows.ts';

type Values = readonly unknown[];

/** [id, planId, number, title, labels] or, with a sub-item count, [id, planId, number, title, labels, subItemCount]. */
export function slimElement(v: Values): ElementRow {
  const row: Record<string, unknown> = {
    id: v[0],
    planId: v[1],
    number: v[2],
    title: v[3],
    labels: v[4],
    short: true,
  };
  if (v.length > 5) row['subItemCount'] = v[5];
  return row as unknown as ElementRow;
}

/** [id, name, kind, inGlossary, labels]. */
export function conceptRow(v: Values): ConceptRow {
  return {
    id: v[0],
    name: v[1],
    kind: v[2],
    inGlossary: v[3],
    labels: v[4],
    short: true,
  } as unknown as ConceptRow;
}

/** A slim lead of task `taskId`: [start, department id, department name, department labels]. */
export function slimLead(taskId: string, v: Values): { row: LeadRow; endpoint: DepartmentRow } {
  return {
    row: { start: v[0], departmentId: v[1], taskId, short: true } as unknown as LeadRow,
    endpoint: { id: v[1], name: v[2], labels: v[3], short: true } as unknown as DepartmentRow,
  };
}

/**
 * A slim SERVES edge seen from its `near` end (its task, or its goal): [id, basis, score, far id, far
 * planId, far number, far title, far labels], the far end a slim element.
 */
export function slimServes(
  near: { id: string; isTask: boolean },
  v: Values,
): { row: DerivedRow; endpoint: NodeRow } {
  const endpoint = slimElement([v[3], v[4], v[5], v[6], v[7]]);
  const [fromId, toId] = near.isTask ? [near.id, endpoint.id] : [endpoint.id, near.id];
  return {
    row: { id: v[0], basis: v[1], score: v[2], fromId, toId, short: true } as unknown as DerivedRow,
    endpoint,
  };
}

/** [id, name, labels]. */
export function slimDepartment(v: Values): DepartmentRow {
  return { id: v[0], name: v[1], labels: v[2], short: true } as unknown as DepartmentRow;
}

/**
 * A slim lead of department `departmentId` with its slim task: [start, task id, task planId, task
 * number, task title, task labels, task sub-item count].
 */
export function slimLeadOf(departmentId: string, v: Values): { row: LeadRow; endpoint: ElementRow } {
  const endpoint = slimElement([v[1], v[2], v[3], v[4], v[5], v[6]]);
  return {
    row: { start: v[0], departmentId, taskId: endpoint.id, short: true } as unknown as LeadRow,
    endpoint,
  };
}

/** A column that is a slim list or the map a fuller row comes as. */
export function listOr<T>(value: unknown, fromList: (v: Values) => T): T {
  return Array.isArray(value) ? fromList(value) : (value as T);
}
