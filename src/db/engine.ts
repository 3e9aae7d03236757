/**
 * The embedded Neo4j engine: engine/ is a Maven module that runs Neo4j Community 5.26 with its
 * Bolt connector on 127.0.0.1. This file builds it (once, then only when engine/ changes) and runs
 * it as a child process; the service then talks Bolt to it exactly as to any Neo4j server.
 *
 * The child never outlives this process: it is stopped on exit, and it stops itself when its
 * stdin closes, which also covers a parent killed with SIGKILL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ENGINE_DIR = fileURLToPath(new URL('../../engine/', import.meta.url));
export const ENGINE_JAR = join(ENGINE_DIR, 'target', 'engine.jar');
const STAMP_FILE = join(ENGINE_DIR, 'target', 'engine.stamp');
const BUILD_LOCK = join(ENGINE_DIR, 'target', 'build.lock');
/**
 * Class-data-sharing archive of the classes a start loads (JDK 13+ dynamic CDS): made once per
 * build, it takes ~3 s off every start (docs/engine.md). Without it the engine starts all the same.
 */
const CLASS_ARCHIVE = join(ENGINE_DIR, 'target', 'engine.jsa');

/**
 * JVM options of the engine (docs/engine.md has the measurements behind them). The heap holds
 * Cypher's plan cache and transaction state; 1 GiB is ample for plan graphs of a few thousand
 * nodes, and starting at 256 MiB keeps an idle engine small. The store itself lives in the
 * page cache (256 MiB, off heap, set in Engine.java). G1 with a 50 ms pause goal: every pause
 * stops all of the engine's statements, and under heavy reads (a 33 MB export, far paths) the
 * serial collector's young pauses copied tens of MB of live results and took 0.4–3 s, its full
 * collections 0.4–2.3 s, while a small query's statement waited (bench/RESULTS.md, availability).
 * G1 idles ~110 MB larger and starts as fast.
 */
export const ENGINE_JAVA_OPTIONS: readonly string[] = [
  '-Xms256m',
  '-Xmx1g',
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=50',
  '-XX:+ExitOnOutOfMemoryError',
  '-XX:-OmitStackTraceInFastThrow',
];

/**
 * The engine of a bulk load (NEO4J_ENGINE_GC=parallel: `npm run load` and bench:library set it
 * for an engine they start themselves): the parallel collector, with cheaper write barriers than
 * G1's and no concurrent marking. Loading 1,000 plans took 234 ms of engine CPU per plan against
 * 261–271 with G1 (side by side, bench/RESULTS.md) and 1.1 GiB of RSS against 1.7. Its longer
 * pauses matter to no one while a load is all the engine does; an engine that serves the API
 * keeps G1.
 */
export const LOAD_ENGINE_JAVA_OPTIONS: readonly string[] = ENGINE_JAVA_OPTIONS.map((o) =>
  o === '-XX:+UseG1GC' ? '-XX:+UseParallelGC' : o,
).filter((o) => !o.startsWith('-XX:MaxGCPauseMillis'));

/** The JVM options of an engine started with no options of its own, by NEO4J_ENGINE_GC. */
export function engineJavaOptions(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  return env['NEO4J_ENGINE_GC'] === 'parallel' ? LOAD_ENGINE_JAVA_OPTIONS : ENGINE_JAVA_OPTIONS;
}

const READY = /^NEO4J-ENGINE READY (bolt:\/\/\S+)/;
const ENGINE_ERROR = /^NEO4J-ENGINE ERROR (.*)$/;
/** Exit codes of Engine.java. */
const EXIT_DIR_IN_USE = 2;
const EXIT_PORT_IN_USE = 3;

export type EngineErrorCode =
  | 'JAVA_MISSING'
  | 'MAVEN_MISSING'
  | 'BUILD_FAILED'
  | 'NOT_BUILT'
  | 'DATA_DIR_IN_USE'
  | 'PORT_IN_USE'
  | 'START_FAILED'
  | 'START_TIMEOUT';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    /** The last lines the engine (or Maven) printed. */
    readonly output: readonly string[] = [],
  ) {
    super(output.length > 0 ? `${message}\n  last output:\n    ${output.join('\n    ')}` : message);
  }
}

export interface EngineHandle {
  /** bolt://127.0.0.1:PORT */
  readonly uri: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly dataDir: string;
  readonly pid: number;
  /** Settles with the exit code when the engine process ends, for whatever reason. */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then waits for the clean stop (SIGKILL after 30 s). Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartEngineOptions {
  /** 0 = a free port. */
  port: number;
  dataDir: string;
  user: string;
  password: string;
  /** A second user the engine allows only to read (engine/…/ReadOnlyUsers.java), if any. */
  reader?: { user: string; password: string } | null;
  /** Every line the engine prints, as it prints it. */
  onLog?: (line: string) => void;
  /** Default 180 s: a first start on a slow machine creates two stores and warms up Cypher. */
  readyTimeoutMs?: number;
  javaOptions?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Build

/** Hash of what the build reads: engine/pom.xml and every file under engine/src. */
export function engineSourceHash(): string {
  const hash = createHash('sha256');
  const files = [join(ENGINE_DIR, 'pom.xml'), ...listFiles(join(ENGINE_DIR, 'src'))];
  for (const file of files) {
    hash.update(relative(ENGINE_DIR, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function isBuilt(hash: string): boolean {
  try {
    return existsSync(ENGINE_JAR) && readFileSync(STAMP_FILE, 'utf8').trim() === hash;
  } catch {
    return false;
  }
}

export interface BuildOptions {
  onProgress?: (line: string) => void;
  /**
   * A counting line, about once a second, for a status line that rewrites itself on a terminal
   * ("412 files, 96 MB, 41 s"). Given it, the periodic download lines of onProgress are left out.
   */
  onStatus?: (text: string) => void;
}

/**
 * Builds engine/ with Maven unless the last build was of the same sources. The first build on a
 * machine downloads Neo4j and its libraries (~170 MB) into the Maven cache (~/.m2, or wherever
 * MAVEN_OPTS="-Dmaven.repo.local=…" points); later builds need no network. Concurrent callers
 * (two test runs at once) take turns through a lock directory.
 */
export async function ensureEngineBuilt(options: BuildOptions = {}): Promise<{ built: boolean }> {
  const progress = options.onProgress ?? (() => {});
  const hash = engineSourceHash();
  if (isBuilt(hash)) return { built: false };

  const release = await acquireBuildLock(progress);
  try {
    if (isBuilt(hash)) return { built: false };
    // Unlinked, not overwritten: an engine still running maps the old archive.
    rmSync(CLASS_ARCHIVE, { force: true });
    await runMaven(progress, options.onStatus);
    await writeClassArchive(progress, options.onStatus);
    writeFileSync(STAMP_FILE, `${hash}\n`);
    return { built: true };
  } finally {
    release();
  }
}

async function acquireBuildLock(progress: (line: string) => void): Promise<() => void> {
  mkdirSync(join(ENGINE_DIR, 'target'), { recursive: true });
  let told = false;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      writeFileSync(join(BUILD_LOCK, 'pid'), String(process.pid));
      return () => rmSync(BUILD_LOCK, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(readFileQuietly(join(BUILD_LOCK, 'pid')));
    // A dead owner, or one that died between creating the lock and writing its pid.
    if (owner > 0 ? !isAlive(owner) : lockAgeMs() > 10_000) {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
      continue;
    }
    if (!told) {
      progress(`waiting for the engine build of process ${owner || '(starting)'} to finish`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function lockAgeMs(): number {
  try {
    return Date.now() - statSync(BUILD_LOCK).mtimeMs;
  } catch {
    return 0;
  }
}

function readFileQuietly(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const DOWNLOADED = /^Downloaded from \S+: \S+ \((\d+(?:\.\d+)?) (B|kB|MB)/;

async function runMaven(progress: (line: string) => void, status?: (text: string) => void): Promise<void> {
  const started = Date.now();
  progress(
    existsSync(ENGINE_JAR)
      ? 'engine/ changed since its last build: rebuilding the embedded Neo4j engine (Maven)'
      : 'building the embedded Neo4j engine (engine/, Maven); the first build on a machine downloads ' +
          '~170 MB of Neo4j libraries into the Maven cache and takes a minute or two',
  );
  const tail: string[] = [];
  let files = 0;
  let bytes = 0;
  let reported = 0;
  const child = spawn('mvn', ['-B', 'package'], { cwd: ENGINE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  const timer = status
    ? setInterval(() => {
        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        status(
          `  building the engine: ${files} files (${(bytes / 1e6).toFixed(0)} MB) downloaded, ${seconds} s`,
        );
      }, 1000)
    : setInterval(() => {
        if (files === reported) return;
        reported = files;
        progress(`  … ${files} files (${(bytes / 1e6).toFixed(0)} MB) downloaded`);
      }, 5000);
  const onLine = (line: string): void => {
    remember(tail, line, 40);
    const m = DOWNLOADED.exec(line);
    if (m) {
      files += 1;
      bytes += Number(m[1]) * (m[2] === 'MB' ? 1e6 : m[2] === 'kB' ? 1e3 : 1);
    }
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  })
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        throw new EngineError(
          'MAVEN_MISSING',
          'Maven (mvn) is needed to build the embedded Neo4j engine: install it (apt-get install maven), ' +
            'or set NEO4J_URI to use a Neo4j server you run yourself',
        );
      }
      throw error;
    })
    .finally(() => clearInterval(timer));
  if (code !== 0) {
    throw new EngineError('BUILD_FAILED', `mvn -B package in ${ENGINE_DIR} failed (exit ${code})`, tail);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  progress(`engine built in ${seconds} s${files > 0 ? ` (${files} files downloaded)` : ''}`);
}

/** Starts and stops the engine once on a scratch store, recording the classes it loads. */
async function writeClassArchive(
  progress: (line: string) => void,
  status?: (text: string) => void,
): Promise<void> {
  progress('recording the classes a start loads, so that later starts are faster (once per build, ~20 s)');
  const started = Date.now();
  const timer = status
    ? setInterval(
        () => status(`  recording the classes: ${((Date.now() - started) / 1000).toFixed(0)} s`),
        1000,
      )
    : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'plan-graph-neo4j-cds-'));
  const pending = `${CLASS_ARCHIVE}.${process.pid}.tmp`;
  try {
    const engine = await startEngine({
      port: 0,
      dataDir,
      user: 'neo4j',
      password: 'class-archive-run',
      // The archive dump warns about every class it cannot keep: errors only.
      javaOptions: [
        ...ENGINE_JAVA_OPTIONS,
        `-XX:ArchiveClassesAtExit=${pending}`,
        '-Xlog:disable',
        '-Xlog:all=error:stderr',
      ],
    });
    await engine.stop();
    if ((await engine.exited) === 0 && existsSync(pending)) renameSync(pending, CLASS_ARCHIVE);
  } catch (error) {
    progress(`  (no class archive: ${error instanceof Error ? error.message : String(error)})`);
  } finally {
    clearInterval(timer);
    rmSync(pending, { force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function remember(lines: string[], line: string, max: number): void {
  lines.push(line);
  if (lines.length > max) lines.shift();
}

// ---------------------------------------------------------------------------------------------
// Run

/** A port nobody listens on right now (the engine may still lose a race for it: then we retry). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function javaCommand(): string {
  const home = process.env['JAVA_HOME'];
  return home ? join(home, 'bin', 'java') : 'java';
}

/** Engines of this process still running; stopped when the process exits. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous: a signal is all there is time for. The engine then stops
  // cleanly on its own; if this process dies without 'exit', the closed stdin does the same.
  process.on('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
}

/**
 * Starts the engine on `dataDir` and resolves once Bolt answers. Rejects with an EngineError:
 * DATA_DIR_IN_USE when a live engine holds `dataDir`, PORT_IN_USE when a fixed port is taken
 * (a free port is retried), START_FAILED / START_TIMEOUT with the engine's last lines.
 */
export async function startEngine(options: StartEngineOptions): Promise<EngineHandle> {
  if (!existsSync(ENGINE_JAR)) {
    throw new EngineError('NOT_BUILT', `${ENGINE_JAR} does not exist: call ensureEngineBuilt() first`);
  }
  const attempts = options.port === 0 ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port === 0 ? await freePort() : options.port;
    try {
      return await launch(options, port);
    } catch (error) {
      if (error instanceof EngineError && error.code === 'PORT_IN_USE' && attempt < attempts) continue;
      throw error;
    }
  }
}

function launch(options: StartEngineOptions, port: number): Promise<EngineHandle> {
  const java = javaCommand();
  const args = [
    ...(options.javaOptions ?? engineJavaOptions()),
    ...(existsSync(CLASS_ARCHIVE) ? [`-XX:SharedArchiveFile=${CLASS_ARCHIVE}`] : []),
    '-jar',
    ENGINE_JAR,
    '--data-dir',
    options.dataDir,
    '--port',
    String(port),
    '--exit-on-stdin-close',
  ];
  const child = spawn(java, args, {
    env: {
      ...process.env,
      NEO4J_USER: options.user,
      NEO4J_PASSWORD: options.password,
      NEO4J_READ_USER: options.reader?.user ?? '',
      NEO4J_READ_PASSWORD: options.reader?.password ?? '',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  installExitHook();

  const tail: string[] = [];
  let engineError: string | null = null;
  const exited = new Promise<number | null>((resolve) => {
    child.once('close', (code) => {
      running.delete(child);
      resolve(code);
    });
  });

  return new Promise<EngineHandle>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    const timeoutMs = options.readyTimeoutMs ?? 180_000;
    const timer = setTimeout(() => {
      settle(() => {
        child.kill('SIGKILL');
        reject(
          new EngineError(
            'START_TIMEOUT',
            `the Neo4j engine was not ready within ${timeoutMs / 1000} s (data ${options.dataDir}, port ${port})`,
            tail,
          ),
        );
      });
    }, timeoutMs);

    const onLine = (line: string): void => {
      remember(tail, line, 20);
      options.onLog?.(line);
      const error = ENGINE_ERROR.exec(line);
      if (error) engineError = error[1] ?? line;
      const ready = READY.exec(line);
      if (ready) settle(() => resolve(handle(child, ready[1] ?? '', port, options, exited)));
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    // Writes to a dead child's stdin fail with EPIPE; nothing is ever written, but be quiet.
    child.stdin!.on('error', () => {});

    child.once('error', (error: NodeJS.ErrnoException) => {
      settle(() =>
        reject(
          error.code === 'ENOENT'
            ? new EngineError(
                'JAVA_MISSING',
                `${java} was not found: the embedded Neo4j engine needs Java 17 or later ` +
                  '(install it, or set JAVA_HOME), or set NEO4J_URI to use a Neo4j server you run yourself',
              )
            : error,
        ),
      );
    });
    void exited.then((code) => {
      settle(() => {
        const code_: EngineErrorCode =
          code === EXIT_DIR_IN_USE
            ? 'DATA_DIR_IN_USE'
            : code === EXIT_PORT_IN_USE
              ? 'PORT_IN_USE'
              : 'START_FAILED';
        // The engine's own one-line reason says it best; the tail is for the other cases.
        reject(
          engineError !== null
            ? new EngineError(code_, engineError, code_ === 'START_FAILED' ? tail : [])
            : new EngineError(code_, `the Neo4j engine exited (code ${code}) before it was ready`, tail),
        );
      });
    });
  });
}

function handle(
  child: ChildProcess,
  uri: string,
  port: number,
  options: StartEngineOptions,
  exited: Promise<number | null>,
): EngineHandle {
  let stopping: Promise<void> | null = null;
  return {
    uri,
    port,
    user: options.user,
    password: options.password,
    dataDir: options.dataDir,
    pid: child.pid ?? -1,
    exited,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(killer);
      })();
      return stopping;
    },
  };
}
