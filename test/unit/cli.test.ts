/**
 * The commands as a user types them: `--help` explains and starts nothing, an unknown option is
 * one line and the usage, a busy port stops the start before any engine boots.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = new URL('../../', import.meta.url).pathname;
let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'plan-graph-cli-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function run(script: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO,
    env: { ...process.env, NEO4J_URI: '', NEO4J_DATA_DIR: join(scratch, 'store'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

function listen(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

describe.each([
  ['src/cli/start.ts', 'npm start --', ['PORT', 'PLAN_FILES', 'NEO4J_URI', 'GRAPHQL_MAX_COST'], '--plans'],
  ['src/cli/db.ts', 'npm run db --', ['NEO4J_PORT', 'NEO4J_DATA_DIR'], '--data-dir'],
])('%s', (script, usage, variables, option) => {
  it('--help lists the options, the environment variables and examples, exits 0 and starts nothing', async () => {
    const { code, stdout } = await run(script, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: ${usage} [options]`);
    expect(stdout).toContain(option);
    for (const variable of variables) expect(stdout).toMatch(new RegExp(`^  ${variable} +\\S`, 'm'));
    expect(stdout).toContain('Examples:');
    expect(existsSync(join(scratch, 'store'))).toBe(false);
  }, 60_000);

  it('an unknown option is one line of error and the usage line, exit 2', async () => {
    const { code, stdout, stderr } = await run(script, ['--bogus']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const name = usage.replace(/ --$/, '');
    expect(stderr).toBe(
      `${name}: unknown option '--bogus'\n` +
        `usage: ${usage} [options]   (${usage} --help for options, variables and examples)\n`,
    );
    expect(existsSync(join(scratch, 'store'))).toBe(false);
  }, 60_000);
});

describe('ports are checked before the engine starts', () => {
  it('when PORT is busy, npm start stops at once with the variable, the port and what to do', async () => {
    const { server, port } = await listen();
    try {
      const { code, stdout, stderr } = await run('src/cli/start.ts', [], { PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        `PortInUseError: PORT: expected a free port, found ${port} on 127.0.0.1 already in use by another ` +
          'process; stop that process or choose another port (PORT=… or --port …, 0 = any free port)',
      );
      expect(stdout).not.toContain('engine');
      expect(existsSync(join(scratch, 'store'))).toBe(false);
    } finally {
      server.close();
    }
  }, 60_000);

  it('when NEO4J_PORT is busy, npm run db stops before building or starting the engine', async () => {
    const { server, port } = await listen();
    try {
      const { code, stderr } = await run('src/cli/db.ts', ['--port', String(port)]);
      expect(code).toBe(1);
      expect(stderr).toContain(`NEO4J_PORT: expected a free port, found ${port} on 127.0.0.1 already in use`);
      expect(existsSync(join(scratch, 'store'))).toBe(false);
    } finally {
      server.close();
    }
  }, 60_000);
});
