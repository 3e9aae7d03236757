/**
 * The README is the front door: what it prints is what a newcomer gets. Its end-to-end question
 * answers exactly as printed, its GraphQL runs, and every page it links to exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { closeSeededServer, openSeededServer, type SeededServer } from '../support/seeded.ts';

const readme = readFileSync('README.md', 'utf8');

let db: Database;
let server: SeededServer['server'];

beforeAll(async () => {
  ({ db, server } = await openSeededServer());
});
afterAll(() => closeSeededServer({ db, server }));

/** The fenced blocks of one language, in order. */
function blocks(language: string): string[] {
  return [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

describe('README.md', () => {
  it('is a front door of a few hundred lines at most', () => {
    expect(readme.split('\n').length).toBeLessThan(300);
  });

  it('the curl of "One question, end to end" answers exactly the JSON printed under it', async () => {
    const curl = blocks('sh').find((b) => b.startsWith('curl'))!;
    const body = /-d '(.*)'/.exec(curl)![1]!;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const printed = blocks('json')[0]!.trim();
    expect((await response.text()).trim()).toBe(printed);
  });

  it('every GraphQL block answers without errors', async () => {
    const queries = blocks('graphql');
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) {
      const { data, errors } = await server.gql(query);
      expect(errors, query).toBeUndefined();
      expect(data).toBeDefined();
    }
  });

  it('every page it links to exists', () => {
    const links = [...readme.matchAll(/\]\(((?:docs|examples)\/[^)#]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(existsSync(link), link).toBe(true);
  });
});
