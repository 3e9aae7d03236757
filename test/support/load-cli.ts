/**
 * `npm run load -- …` as a user runs it, in a child process against the test engine: its exit
 * code and what it printed on each stream.
 */
import { spawn } from 'node:child_process';
import { inject } from 'vitest';

const REPO = new URL('../../', import.meta.url).pathname;

/** The environment that points a child process (the load CLI, the service) at the test engine. */
export function testEngineEnv(): Record<string, string> {
  const { uri, user, password, database } = inject('neo4j');
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database };
}

export async function runLoadCli(
  args: readonly string[],
): Promise<{ code: unknown; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/load.ts', ...args], {
    cwd: REPO,
    env: { ...process.env, ...testEngineEnv() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  return { code, stdout, stderr };
}
