/**
 * The examples in examples/ run as printed, against the test server: each runnable file is run
 * as a user runs it (a child process, GRAPHQL_URL pointing at the server) and its output checked.
 * Failures (no server, an unknown id) are one line on stderr and exit 1, never a stack.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { closeSeededServer, openSeededServer, type SeededServer } from '../support/seeded.ts';
import { freePort } from '../../src/db/engine.ts';

const REPO = new URL('../../', import.meta.url).pathname;

let db: Database;
let server: SeededServer['server'];

beforeAll(async () => {
  ({ db, server } = await openSeededServer());
});
afterAll(() => closeSeededServer({ db, server }));

async function runExample(file: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: REPO,
    env: { ...process.env, GRAPHQL_URL: '', PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** Every example file a user runs (it has a `runExample(` main), relative to the repository. */
function runnableExamples(dir = join(REPO, 'examples')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : runnableExamples(path);
    return entry.name.endsWith('.ts') && /^\s+runExample\(/m.test(readFileSync(path, 'utf8'))
      ? [path.slice(REPO.length)]
      : [];
  });
}

const covered = ['examples/questions/goal.ts', 'examples/visualize/neighborhood.ts'];

describe('the examples run as printed', () => {
  it('this file runs every runnable example', () => {
    expect(runnableExamples().sort()).toEqual(covered);
  });

  it('examples/questions/goal.ts 1 0.5: the tasks serving goal 1 with a score of at least 0.5', async () => {
    const { code, stdout, stderr } = await runExample('examples/questions/goal.ts', ['1', '0.5'], {
      GRAPHQL_URL: `${server.url}/graphql`,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'goal 1 优化职能体系: served by 2 task(s) scoring at least 0.5',
        '  0.900 CURATED  task 1 强化政治引领和政治吸纳 (“政治性”)',
        '  0.800 CONCEPT  task 6 强化基层基础,提升组织活力 (“三性”)',
        '',
      ].join('\n'),
    );
  }, 60_000);

  it('examples/visualize/neighborhood.ts dept/组人部 1: Cytoscape.js elements of the department and its tasks', async () => {
    const { code, stdout, stderr } = await runExample(
      'examples/visualize/neighborhood.ts',
      ['dept/组人部', '1'],
      {
        GRAPHQL_URL: `${server.url}/graphql`,
      },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { elements } = JSON.parse(stdout) as {
      elements: { nodes: { data: { id: string } }[]; edges: { data: { type: string } }[] };
    };
    expect(elements.nodes.map((n) => n.data.id)).toEqual([
      'dept/组人部',
      'cast-2018/task-3',
      'cast-2018/task-6',
    ]);
    expect(elements.edges.map((e) => e.data.type)).toEqual(['LEADS', 'LEADS']);
  }, 60_000);

  it('without GRAPHQL_URL, the URL comes from PORT', async () => {
    const port = new URL(server.url).port;
    const { code, stdout } = await runExample('examples/questions/goal.ts', ['3'], { PORT: port });
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('goal 3 提升组织活力: served by 5 task(s) scoring at least 0');
  }, 60_000);

  it('an unknown id is one line naming the code and the id, exit 1', async () => {
    const { code, stdout, stderr } = await runExample(
      'examples/visualize/neighborhood.ts',
      ['dept/不存在', '1'],
      {
        GRAPHQL_URL: `${server.url}/graphql`,
      },
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('NOT_FOUND: id not found: "dept/不存在"\n');
  }, 60_000);

  it('no service listening is one line saying how to start one or where to point, exit 1', async () => {
    const port = await freePort();
    const { code, stderr } = await runExample('examples/questions/goal.ts', ['1'], { PORT: String(port) });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `cannot reach http://127.0.0.1:${port}/graphql (ECONNREFUSED): start the service with \`npm start\`, ` +
        'or set GRAPHQL_URL (or PORT) to where it runs\n',
    );
  }, 60_000);
});
