/**
 * The commands as a user types them: `--help` explains and starts nothing, an unknown option is
 * one line and the usage, a busy port stops the start before any engine boots.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';

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

describe('npm run load -- --dry-run DIR: a folder at once', () => {
  const GOOD = 'test/fixtures/departments/cities/qinghe-2020-business-points.txt';

  it('gives every .txt under it a line (verdict, id, counts or why), then totals; a refused file is a line', async () => {
    const dir = join(scratch, 'folder');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(join(REPO, GOOD), join(dir, 'a-good.txt'));
    copyFileSync(
      join(REPO, 'test/fixtures/corpus/heilongjiang-2019-reform-points.txt'),
      join(dir, 'b-cut.txt'),
    );
    copyFileSync(join(REPO, 'test/fixtures/bad/no-plan.txt'), join(dir, 'sub', 'c-no-plan.txt'));
    writeFileSync(join(dir, 'notes.md'), 'not a plan file: no .txt, not read\n');
    const report = join(scratch, 'report.json');
    const { code, stdout, stderr } = await run('src/cli/load.ts', ['--dry-run', '--report', report, dir]);
    // The good plan's warnings are whatever the parser notes: the line reports them, it does not judge them.
    const { text, source } = readPlanFile(join(REPO, GOOD));
    const warnings = parsePlan(text, source).warnings.length;
    expect(stdout.split('\n')).toEqual([
      `complete   ${dir}/a-good.txt  qhsrmzf-2020-points  tasks 3, leads 3, participants 3, warnings ${warnings}`,
      `refused    ${dir}/b-cut.txt  TRUNCATED at line 5: expected the end of task 3 (a full stop or a lead marker), ` +
        'found the text stopping at "…和中国青年女科学家奖、求是杰出青" (--partial loads what was read)',
      `refused    ${dir}/sub/c-no-plan.txt  NO_PLAN: expected a numbered outline (a line opening with 一、, (一) or 1. ` +
        'followed later by its number 2), found no such line in 18 lines, starting "中文 | English 我要入会 联系"',
      `total: 3 files: 1 complete, 0 partial, 2 refused, 0 unreadable; tasks 3, leads 3, participants 3, warnings ${warnings}`,
      '',
    ]);
    // stderr: the progress line (a line every few seconds when not a terminal, the last one always), then the report.
    const progress = stderr.split('\n').filter((l) => l.startsWith('files '));
    expect(progress.at(-1)).toMatch(/^files 3\/3 \(100%\) {2}loaded 0 {2}\d+\.\d plans\/s {2}ETA done$/);
    expect(
      stderr
        .split('\n')
        .filter((l) => !l.startsWith('files '))
        .join('\n'),
    ).toBe(`wrote the report to ${report}\n`);
    // Some files were refused: exit 1 (--help says so); nothing was loaded, no engine was started.
    expect(code).toBe(1);
    expect(existsSync(join(scratch, 'store'))).toBe(false);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.totals).toEqual({
      files: 3,
      complete: 1,
      partial: 0,
      refused: 2,
      unreadable: 0,
      tasks: 3,
      leads: 3,
      participants: 3,
      warnings,
    });
    expect(
      json.files.map((f: Record<string, unknown>) => [f['file'], f['verdict'], f['planId'], f['code']]),
    ).toEqual([
      [`${dir}/a-good.txt`, 'complete', 'qhsrmzf-2020-points', null],
      [`${dir}/b-cut.txt`, 'refused', null, 'TRUNCATED'],
      [`${dir}/sub/c-no-plan.txt`, 'refused', null, 'NO_PLAN'],
    ]);
  }, 60_000);

  it('reads a cut text with --partial, and a missing path is a line too; all read: exit 0 only when none is refused', async () => {
    const missing = join(scratch, 'no-such-file.txt');
    const { code, stdout } = await run('src/cli/load.ts', [
      '--dry-run',
      '--partial',
      join(REPO, 'test/fixtures/corpus/heilongjiang-2019-reform-points.txt'),
      missing,
    ]);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(
      /^partial {4}\S+heilongjiang-2019-reform-points\.txt {2}plan-0e8bc9deb3 {2}tasks \d+, .*\(stops at line 5 in task 3\)$/,
    );
    expect(lines[1]).toBe(`unreadable ${missing}  ENOENT: no such file or directory, open '${missing}'`);
    expect(lines[2]).toMatch(/^total: 2 files: 0 complete, 1 partial, 0 refused, 1 unreadable; /);
    expect(code).toBe(1);
    const good = await run('src/cli/load.ts', [
      '--dry-run',
      join(REPO, GOOD),
      join(REPO, 'seeds/cast-2018-reform-key-tasks.txt'),
    ]);
    expect(good.stdout).toMatch(
      /^total: 2 files: 2 complete, 0 partial, 0 refused, 0 unreadable; tasks 13, /m,
    );
    expect(good.code).toBe(0);
  }, 60_000);

  it('--help says what the exit code is when some files were refused', async () => {
    const { code, stdout } = await run('src/cli/load.ts', ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--report <file>');
    expect(stdout).toContain(
      'Exit code: 0 when every file was read (and loaded); 1 when at least one was refused, unreadable\n' +
        'or failed to load (the others are still read and loaded); 2 for a usage error.',
    );
  }, 60_000);
});

describe('--help shows what each option and variable is when not given', () => {
  /** The entries of the "Environment variables" block: name → its text, wrapped lines joined. */
  function variables(help: string): Map<string, string> {
    const block = help.split(/^Environment variables.*\n(?:.*the value found\):\n)?/m)[1]!.split(/\n\n/)[0]!;
    const entries = new Map<string, string>();
    let name = '';
    for (const line of block.split('\n')) {
      const head = /^ {2}([A-Z][A-Z0-9_]+) +(.*)$/.exec(line);
      if (head) entries.set((name = head[1]!), head[2]!);
      else entries.set(name, `${entries.get(name)} ${line.trim()}`);
    }
    return entries;
  }

  it.each([
    ['src/cli/start.ts', { PORT: '4000', HOST: '127.0.0.1', NEO4J_URI: 'unset', GRAPHQL_MAX_COST: '50000' }],
    ['src/cli/db.ts', { NEO4J_PORT: '7687', NEO4J_DATA_DIR: '.data/neo4j' }],
    ['src/cli/load.ts', { NEO4J_URI: 'unset', NEO4J_DATA_DIR: '.data/neo4j' }],
  ])(
    '%s: every variable ends with its default',
    async (script, known) => {
      const { code, stdout } = await run(script, ['--help']);
      expect(code).toBe(0);
      const entries = variables(stdout);
      expect(entries.size).toBeGreaterThan(1);
      for (const [name, text] of entries) expect(text, name).toMatch(/ Default: \S.*\.$/);
      for (const [name, value] of Object.entries(known))
        expect(entries.get(name), name).toMatch(` Default: ${value}.`);
    },
    60_000,
  );

  it('an option that stands for a variable shows its default, though the environment says otherwise', async () => {
    const { stdout } = await run('src/cli/start.ts', ['--help'], { PORT: '5123' });
    const options = stdout.split('\nOptions:\n')[1]!.split('\n\n')[0]!.replace(/\s+/g, ' ');
    expect(options).toContain('HTTP port (PORT; 0 = a free one) (default: 4000)');
    expect(options).toContain(
      '--plans <files> plan files to load, comma-separated, or none (PLAN_FILES) (default: ' +
        'seeds/cast-2018-reform-key-tasks.txt,seeds/cast-2025-work-points.txt)',
    );
    expect(options).toContain('store of the embedded engine (NEO4J_DATA_DIR) (default: .data/neo4j)');
    // An option that stands for no variable has no default to show.
    expect(options.trim()).toMatch(/ -h, --help show this help and exit \(nothing is started\)$/);
  }, 60_000);
});
