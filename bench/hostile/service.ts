/**
 * The service as `npm start` runs it — compiled JavaScript (dist/) in a node process of its own —
 * over a throw-away embedded engine that this process starts and loads. The clients stay in the
 * bench's process, so that the service's memory and event loop are measured alone
 * (service-probe.mjs reports them over IPC).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Database } from '../../src/db/database.ts';
import { seededEngine } from './common.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface ServiceReport {
  readonly lagP50: number;
  readonly lagP99: number;
  readonly lagMax: number;
  readonly rssPeakMb: number;
  /** The main thread's V8 heap (total) and external memory when the RSS peaked. */
  readonly heapAtPeakMb: number;
  /** Of it, what objects (live or not yet collected) filled. */
  readonly heapUsedAtPeakMb: number;
  readonly externalAtPeakMb: number;
  readonly rssMb: number;
}

export interface ServiceBench {
  readonly url: string;
  /** The bench's own connection (writer and reader) to the engine the service reads. */
  readonly db: Database;
  readonly servicePid: number;
  readonly enginePid: number;
  /** Starts a new window for the event-loop delay and the RSS peak. */
  reset(): Promise<void>;
  report(): Promise<ServiceReport>;
  close(): Promise<void>;
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the service did not answer "${message}" in 30 s`)),
      30_000,
    );
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve(m as T);
    });
    child.send(message);
  });
}

/**
 * Builds dist/ (about a second), starts an engine and loads the seed, lets `prepare` load more,
 * then starts `node dist/cli/start.js` on a free port with PLAN_FILES=none, reading as the
 * engine's read-only user, and waits for its "ready:" line.
 */
export async function startServiceProcess(
  prepare: (db: Database) => Promise<void>,
  env: Record<string, string> = {},
): Promise<ServiceBench> {
  execFileSync(process.execPath, ['tools/build-server.mjs'], { cwd: REPO, stdio: 'ignore' });
  const { dataDir, connection, db } = await seededEngine('plan-graph-bench-service-');
  await prepare(db);

  const child = spawn(
    process.execPath,
    [
      '--import',
      './bench/hostile/service-probe.mjs',
      // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the service's main thread, written at its exit.
      ...(process.env['BENCH_CPU_PROF']
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`]
        : []),
      'dist/cli/start.js',
    ],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        PLAN_FILES: 'none',
        NEO4J_URI: connection.engine!.uri,
        NEO4J_USER: connection.user,
        NEO4J_PASSWORD: connection.password,
        ...(connection.readUser === null
          ? {}
          : { NEO4J_READ_USER: connection.readUser, NEO4J_READ_PASSWORD: connection.readPassword }),
        ...env,
      },
    },
  );
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output.push(text);
      const ready = /ready: (http:\/\/[^\s/]+)\/graphql/.exec(output.join(''));
      if (ready) resolve(ready[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`the service exited (${code}) before it was ready:\n${output.join('')}`)),
    );
  });
  child.stdout!.removeAllListeners('data');
  child.stderr!.removeAllListeners('data');
  // Keep the service's own log lines (internal errors) visible, but only the first few.
  let lines = 0;
  child.stderr!.on('data', (chunk: Buffer) => {
    if (lines++ < 20) process.stderr.write(`[service] ${chunk.toString('utf8')}`);
  });
  child.stdout!.resume();
  return {
    url,
    db,
    servicePid: child.pid!,
    enginePid: connection.engine!.pid,
    reset: async () => {
      await ask(child, 'reset');
    },
    report: () => ask<ServiceReport>(child, 'report'),
    async close() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      await connection.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds a process has used so far (user + system), from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
