/**
 * A plan of thousands of tasks, made from the seed's parsed model the way bench/generate.ts makes
 * its text: the tasks (with their sub-items, leads, mentions and derived edges) repeated, their
 * numbers and ids rewritten in sequence. Parsing a generated text of 3,000 tasks takes minutes
 * (SERVES derivation compares every task with every unit); repeating the parsed model takes
 * milliseconds and gives the graph the same shape, which is what an export test needs.
 */
import type { PlanModel } from '../../src/ingest/model.ts';

export function repeatTasks(model: PlanModel, times: number): PlanModel {
  const perRound = model.elements.filter((e) => e.kind === 'Task').length;
  const taskish = (id: string) => /\/task-\d+(\/|$)/.test(id);
  const shift = (id: string, round: number) =>
    id.replace(/\/task-(\d+)/, (_m, n: string) => `/task-${Number(n) + round * perRound}`);
  const rounds = Array.from({ length: times }, (_v, i) => i);
  const repeat = <T>(
    items: readonly T[],
    isTaskish: (item: T) => boolean,
    copy: (item: T, round: number) => T,
  ) => items.flatMap((item) => (isTaskish(item) ? rounds.map((r) => copy(item, r)) : [item]));
  return {
    ...model,
    elements: repeat(
      model.elements,
      (e) => e.kind === 'Task' || e.kind === 'SubItem',
      (e, r) => ({
        ...e,
        id: shift(e.id, r),
        parentId: e.parentId === null ? null : shift(e.parentId, r),
        number: e.kind === 'Task' ? e.number + r * perRound : e.number,
        order: e.kind === 'Task' ? e.order + r * perRound : e.order,
      }),
    ),
    leads: repeat(
      model.leads,
      (l) => taskish(l.taskId),
      (l, r) => ({ ...l, taskId: shift(l.taskId, r) }),
    ),
    mentions: repeat(
      model.mentions,
      (m) => taskish(m.elementId),
      (m, r) => ({ ...m, elementId: shift(m.elementId, r) }),
    ),
    serves: repeat(
      model.serves,
      (s) => taskish(s.taskId),
      (s, r) => ({ ...s, taskId: shift(s.taskId, r) }),
    ),
    addresses: repeat(
      model.addresses,
      (a) => taskish(a.elementId),
      (a, r) => ({ ...a, elementId: shift(a.elementId, r) }),
    ),
  };
}
