import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { closeSeededServer, openSeededServer, type SeededServer } from '../support/seeded.ts';

let db: Database;
let server: SeededServer['server'];

beforeAll(async () => {
  ({ db, server } = await openSeededServer());
});
afterAll(() => closeSeededServer({ db, server }));

interface TaskAnswer {
  id: string;
  subItemCount: number;
  subItems: { id: string; mentions: { concept: { name: string } }[] }[];
  mentions: { concept: { name: string } }[];
  concepts: { name: string }[];
}

describe('Task: sub-item count, concepts and mentions', () => {
  it('counts each task’s sub-items without fetching them: 48 in the seed, as many as the list has', async () => {
    const { data } = await server.gql<{ tasks: TaskAnswer[] }>(
      '{ tasks(planId: "cast-2018") { id subItemCount subItems { id } } }',
    );
    for (const task of data!.tasks) expect(task.subItemCount).toBe(task.subItems.length);
    expect(data!.tasks.reduce((sum, t) => sum + t.subItemCount, 0)).toBe(48);
    const one = await server.gql<{ task: { subItemCount: number } }>(
      '{ task(planId: "cast-2018", number: 4) { subItemCount } }',
    );
    expect(one.data!.task.subItemCount).toBe(4);
  });

  it('gives as a task’s concepts exactly those its own mentions and its sub-items’ mentions name', async () => {
    const { data } = await server.gql<{ tasks: TaskAnswer[] }>(`{ tasks(planId: "cast-2018") {
      id concepts { name } mentions { concept { name } } subItems { id mentions { concept { name } } } } }`);
    let withSubItemOnly = 0;
    for (const task of data!.tasks) {
      const own = task.mentions.map((m) => m.concept.name);
      const below = task.subItems.flatMap((i) => i.mentions.map((m) => m.concept.name));
      const expected = [...new Set([...own, ...below])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(task.concepts.map((c) => c.name)).toEqual(expected);
      if (below.some((name) => !own.includes(name))) withSubItemOnly += 1;
    }
    // The difference matters: some tasks name a concept only in a sub-item.
    expect(withSubItemOnly).toBeGreaterThan(0);
  });
});
