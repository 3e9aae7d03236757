/**
 * docs/questions.md ("Questions you can ask") is rendered from docs/queries/: each NN-name.graphql
 * (first comment line = the question) with its answer NN-name.json, which
 * test/integration/examples.test.ts checks against the live API on the seed.
 *
 *   npx tsx docs/examples.ts --write   re-render the section of docs/questions.md from the files
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const QUERIES_DIR = 'docs/queries';
/** The page that shows every question with its answer. */
export const QUESTIONS_PAGE = 'docs/questions.md';
const START = '<!-- examples:start (rendered by `npx tsx docs/examples.ts --write`; do not edit by hand) -->';
const END = '<!-- examples:end -->';

export interface Example {
  readonly name: string;
  readonly question: string;
  readonly query: string;
  readonly answerFile: string;
}

export function listExamples(dir = QUERIES_DIR): Example[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(join(dir, file), 'utf8');
      const question = (query.split('\n')[0] ?? '').replace(/^#\s*/, '');
      const name = file.replace(/\.graphql$/, '');
      return { name, question, query, answerFile: join(dir, `${name}.json`) };
    });
}

export function renderSection(examples = listExamples()): string {
  const parts = examples.map((e) => {
    const answer = readFileSync(e.answerFile, 'utf8').trimEnd();
    const body = e.query.split('\n').slice(1).join('\n').trimEnd();
    return [
      `## ${e.question}`,
      '',
      '```graphql',
      body,
      '```',
      '',
      '<details><summary>Answer on the seed</summary>',
      '',
      '```json',
      answer,
      '```',
      '',
      '</details>',
    ].join('\n');
  });
  return [START, '', ...parts.flatMap((p) => [p, '']), END].join('\n');
}

/** The page with its examples section replaced by `section`. */
export function withSection(page: string, section: string): string {
  const from = page.indexOf(START);
  const to = page.indexOf(END);
  if (from < 0 || to < 0) throw new Error(`${QUESTIONS_PAGE}: expected the markers ${START} … ${END}`);
  return page.slice(0, from) + section + page.slice(to + END.length);
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--write')) {
  writeFileSync(QUESTIONS_PAGE, withSection(readFileSync(QUESTIONS_PAGE, 'utf8'), renderSection()));
  console.log(`${QUESTIONS_PAGE}: examples section rendered from docs/queries`);
}
