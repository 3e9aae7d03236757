/**
 * `npm run load` while `npm start` runs the embedded engine on the same data directory: the load
 * uses the running engine instead of failing on the store's lock, and `npm run plans` lists what
 * both loaded. Both are child processes as a user runs them, with NEO4J_URI unset.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = new URL('../../', import.meta.url).pathname;
const A = 'test/fixtures/plans/pair/qinghe-2020-points.txt';
const RECORD = 'running-engine.json';
const B = 'test/fixtures/plans/pair/qinghe-2021-points.txt';

let dataDir: string;
let env: NodeJS.ProcessEnv;
let service: ChildProcess | null = null;
let serviceOutput = '';

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/load.ts', ...args], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-running-'));
  env = { ...process.env, NEO4J_DATA_DIR: dataDir, NEO4J_PORT: '0', PORT: '0', PLAN_FILES: A };
  delete env['NEO4J_URI'];
  service = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    cwd: REPO,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      serviceOutput += chunk.toString();
      if (/ready: http:\/\/\S+\/graphql/.test(serviceOutput)) resolve();
    };
    service!.stdout!.on('data', onData);
    service!.stderr!.on('data', onData);
    service!.once('exit', (code) => reject(new Error(`the service exited with ${code}:\n${serviceOutput}`)));
  });
}, 240_000);

afterAll(async () => {
  if (service && service.exitCode === null) {
    const exited = once(service, 'exit');
    service.kill('SIGINT');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 120_000);

describe('npm run load while npm start runs', () => {
  it('loads into the running engine instead of failing on the data directory', async () => {
    const load = await run([B]);
    expect(load.stderr).not.toContain('is in use by process');
    expect(load.stderr).toMatch(/using the engine process \d+ runs on .* \(bolt:\/\/127\.0\.0\.1:\d+\)/);
    expect(load.stdout).toMatch(/^qhskx-2021-points: loaded in \d+ ms$/m);
    expect(load.stdout).toContain(
      "warning: no reviewed links fit qinghe-2021-points.txt (seeds/links/ matched by sha256 or quotes): qhskx-2021-points's SERVES and ADDRESSES rest on derived evidence alone",
    );
    expect(load.code).toBe(0);
  }, 120_000);

  it('lists both plans with npm run plans, and removes one with --remove', async () => {
    const list = await run(['--list']);
    expect(list.code).toBe(0);
    const rows = list.stdout.split('\n').filter((l) => l.startsWith('qhskx-'));
    expect(rows.map((r) => r.split(/\s+/).slice(0, 3))).toEqual([
      ['qhskx-2020-points', '2020年市科协深化改革工作要点', 'qinghe-2020-points.txt'],
      ['qhskx-2021-points', '2021年市科协深化改革工作要点', 'qinghe-2021-points.txt'],
    ]);
    const removed = await run(['--remove', 'qhskx-2021-points']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(
      /^qhskx-2021-points: removed \d+ nodes; 1 shared departments and concepts/m,
    );
    const after = await run(['--list']);
    expect(after.stdout.split('\n').filter((l) => l.startsWith('qhskx-')).length).toBe(1);
  }, 120_000);

  it('after the engine is killed and restarted, the record names the new engine and a load uses it at once', async () => {
    const record = () =>
      JSON.parse(readFileSync(join(dataDir, RECORD), 'utf8')) as { uri: string; pid: number; owner: number };
    const before = record();
    expect(before.owner).toBe(service!.pid);
    process.kill(before.pid, 'SIGKILL');

    // Started while the engine is down: it waits for the restarted engine, never starts its own.
    const load = await run(['--list']);
    const after = record();
    expect(after.pid, `${load.stderr}\n${serviceOutput.slice(-2000)}`).not.toBe(before.pid);
    expect(after.uri).toBe(before.uri);
    expect(after.owner).toBe(service!.pid);
    expect(serviceOutput).toMatch(new RegExp(`the engine is back \\(process ${after.pid}, \\d+ ms\\)`));
    expect(load.stderr).not.toContain('is in use by process');
    expect(load.stderr).toContain(`using the engine process ${after.pid} runs on ${dataDir} (${after.uri})`);
    expect(load.stdout.split('\n').filter((l) => l.startsWith('qhskx-')).length).toBe(1);
    expect(load.code).toBe(0);

    // And once it is back, the next command finds it straight away: nothing to wait for.
    const again = await run(['--list']);
    expect(again.stderr).not.toContain('is restarting');
    expect(again.stderr).toContain(`using the engine process ${after.pid} runs on`);
    expect(again.code).toBe(0);
  }, 600_000);
});
