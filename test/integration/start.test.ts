/**
 * `npm start` as a user runs it (the compiled dist/cli/start.js in a child process, built first
 * by the same script `npm install` runs), pointed at the suite's
 * Neo4j through NEO4J_URI: it loads a plan the graph lacks, serves it, stops cleanly on SIGINT,
 * and at the next start finds the plan up to date and writes nothing.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { emptyGraph, openTestDatabase } from '../support/graph.ts';
import { testEngineEnv } from '../support/load-cli.ts';

const REPO = new URL('../../', import.meta.url).pathname;
/** What `npm start` runs: JavaScript, no transpiling loader. */
const START = ['dist/cli/start.js'];

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
}

/** Starts the service and resolves once it prints its `ready:` line. */
async function startService(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, START, {
    cwd: REPO,
    env: {
      ...process.env,
      ...testEngineEnv(),
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const ready = /ready: (http:\/\/\S+)\/graphql/.exec(text);
      if (ready) resolve(ready[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the service exited with ${code} before ready:\n${text}`)));
  });
  return { child, url, output: () => text };
}

async function stop({ child }: Started): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  const [code] = (await exited) as [number | null];
  return code;
}

describe('npm start', () => {
  let db: Database;
  beforeAll(async () => {
    execFileSync(process.execPath, ['tools/build-server.mjs'], { cwd: REPO, stdio: 'ignore' });
    db = openTestDatabase();
    await emptyGraph(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('loads a plan the graph lacks, serves it, and writes nothing the next time', async () => {
    const env = { PLAN_FILES: 'test/fixtures/plans/local-2019-tasks.txt' };
    const first = await startService(env);
    try {
      expect(first.output()).toMatch(
        /local-2019: loaded from test\/fixtures\/plans\/local-2019-tasks\.txt in \d+ ms/,
      );
      const ready = await fetch(`${first.url}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
      const plans = await fetch(`${first.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ plans { id } }' }),
      });
      expect(await plans.json()).toEqual({ data: { plans: [{ id: 'local-2019' }] } });
    } finally {
      expect(await stop(first)).toBe(0);
    }
    expect(first.output()).toContain('SIGINT: stopping');

    // A load rewrites the Plan node (new element id); an up-to-date start leaves it alone.
    const planNode = async () =>
      (await db.read<{ elementId: string }>('test-plan-element-id', { planId: 'local-2019' }))[0]?.elementId;
    const before = await planNode();
    expect(before).toBeDefined();
    const second = await startService(env);
    try {
      expect(second.output()).toContain(
        'local-2019: up to date (test/fixtures/plans/local-2019-tasks.txt), nothing written',
      );
      const response = await fetch(`${second.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ plans { id tasks { number } } }' }),
      });
      const { data } = (await response.json()) as { data: { plans: { id: string; tasks: unknown[] }[] } };
      expect(data.plans.map((p) => p.id)).toEqual(['local-2019']);
      expect(data.plans[0]!.tasks.length).toBeGreaterThan(0);
    } finally {
      expect(await stop(second)).toBe(0);
    }
    expect(await planNode()).toBe(before);
  }, 120_000);

  it('is what package.json runs: the build `prepare` makes, not src/ through tsx', () => {
    const { scripts } = JSON.parse(readFileSync(`${REPO}package.json`, 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['start']).toBe(`node ${START.join(' ')}`);
    expect(scripts['prepare']).toBe('npm run build');
    expect(scripts['build']).toMatch(/^npm run build:server && /);
  });

  it('refuses a bad setting with the key, the expected form and the value, and exits 1', async () => {
    const child = spawn(process.execPath, START, {
      cwd: REPO,
      env: { ...process.env, NEO4J_URI: '', PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'ConfigError: PORT must be an integer from 0 to 65535 (0 = a free port); found "eighty"',
    );
  }, 60_000);
});
