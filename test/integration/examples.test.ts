import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listExamples, QUESTIONS_PAGE, renderSection, withSection } from '../../docs/examples.ts';
import type { Database } from '../../src/db/database.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { startTestServer, type Gql } from '../support/server.ts';

// UPDATE_EXAMPLES=1 rewrites the answers from what the API returns (review the diff before committing).
const UPDATE = process.env['UPDATE_EXAMPLES'] === '1';

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
let gql: Gql;

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  server = await startTestServer(db);
  gql = server.gql;
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe('the documented questions (docs/queries, docs/questions.md)', () => {
  const examples = listExamples();

  it('there are at least five questions', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  for (const example of examples) {
    it(`${example.name}: "${example.question}" answers exactly what docs/queries/${example.name}.json says`, async () => {
      const { data, errors } = await gql(example.query);
      expect(errors).toBeUndefined();
      const actual = JSON.stringify(data, null, 2) + '\n';
      if (UPDATE) writeFileSync(example.answerFile, actual);
      expect(
        existsSync(example.answerFile),
        `missing ${example.answerFile}: run with UPDATE_EXAMPLES=1`,
      ).toBe(true);
      expect(actual).toBe(readFileSync(example.answerFile, 'utf8'));
    });
  }

  it('docs/questions.md shows every query with its answer as the files hold them', () => {
    const page = readFileSync(QUESTIONS_PAGE, 'utf8');
    if (UPDATE) writeFileSync(QUESTIONS_PAGE, withSection(page, renderSection()));
    expect(readFileSync(QUESTIONS_PAGE, 'utf8')).toContain(renderSection());
  });
});
