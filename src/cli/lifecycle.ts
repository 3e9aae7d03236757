/**
 * How a command-line process ends: on SIGINT (Ctrl-C) or SIGTERM, every registered cleanup runs
 * once, newest first (the HTTP server closes before the driver, the driver before the engine),
 * then the process exits 0. Another Ctrl-C a second or more later, while cleaning up, exits at
 * once with 130.
 */

type Cleanup = () => Promise<void> | void;

const cleanups: Cleanup[] = [];
let phase: 'running' | 'stopping' = 'running';
let installed = false;
let stoppingSince = 0;

/** Registers `fn` to run at shutdown; the last registered runs first. */
export function onShutdown(fn: Cleanup): void {
  cleanups.push(fn);
  install();
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (phase === 'running') {
        console.error(`${signal}: stopping`);
        void shutdown(0);
        return;
      }
      // Under tsx (npm run dev) one Ctrl-C arrives twice: from the terminal and relayed by tsx.
      if (Date.now() - stoppingSince < 1_000) return;
      console.error(`${signal} again: exiting without waiting for cleanup`);
      process.exit(130);
    });
  }
}

/** True once shutdown has begun: what stops now is being stopped on purpose. */
export function isStopping(): boolean {
  return phase === 'stopping';
}

let stopped: Promise<never> | null = null;

/**
 * Runs the cleanups and exits with `code` (1 if a cleanup failed). Later calls while that runs
 * change nothing: the first reason to stop decides the exit code.
 */
export function shutdown(code: number): Promise<never> {
  stopped ??= runCleanups(code);
  return stopped;
}

async function runCleanups(code: number): Promise<never> {
  phase = 'stopping';
  stoppingSince = Date.now();
  let exitCode = code;
  const watchdog = setTimeout(() => {
    console.error('cleanup did not finish within 60 s: exiting');
    process.exit(1);
  }, 60_000);
  watchdog.unref();
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (error) {
      console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
      exitCode = exitCode || 1;
    }
  }
  process.exit(exitCode);
}

/**
 * Runs a command's main function; an error it throws is printed (its message, which the project's
 * errors write for people) and the cleanups registered so far run before exit 1.
 */
export function runMain(main: () => Promise<void>): void {
  install();
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    void shutdown(1);
  });
}
