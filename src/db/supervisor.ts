/**
 * Keeps the embedded engine running: when it dies (killed, out of memory, crashed), it is started
 * again on the same data directory and port, so the driver, which reconnects by itself, finds it
 * where it was. Meanwhile every read fails fast with DATABASE_UNAVAILABLE, exactly as with an
 * external server that goes away and comes back: one failure story in both modes.
 *
 * Restarts are bounded: at most `maxRestarts` in a row, 1 s, 2 s, 4 s … (at most 30 s) apart; an
 * engine that then stays up `stableMs` resets the count. Every death, attempt and outcome is
 * logged. When the attempts are spent, `exited` settles and the owner decides (npm start stops).
 *
 * A hung engine (stopped, deadlocked, thrashing) does not exit, so waiting for the exit is not
 * enough: a liveness probe asks it something small at an interval, and an engine that does not
 * answer `failures` times in a row is killed (SIGKILL), which the restart above then handles like
 * any other death. An engine that answers with an error (a refused login, say) is alive: only
 * silence counts, so nobody can get the engine restarted by locking an account out.
 */
import type { EngineHandle } from './engine.ts';

export interface LivenessProbe {
  /** Time from the end of one check to the start of the next (default 5 s). */
  readonly intervalMs?: number;
  /** A check that has not settled by then failed (default 10 s). */
  readonly timeoutMs?: number;
  /** Failed checks in a row after which the engine counts as hung (default 3). */
  readonly failures?: number;
  /**
   * The timeout of checks until an engine has answered one (default 60 s): a JVM just started
   * compiles its first query slowly, more so on a busy machine, and is not hung for that.
   */
  readonly firstTimeoutMs?: number;
  /**
   * One check of the engine at `uri`: resolves when the engine answered (a server error is an
   * answer too), rejects when it could not be reached. A check that never settles fails at
   * `timeoutMs`.
   */
  readonly check: (uri: string) => Promise<void>;
}

export const PROBE_DEFAULTS = {
  intervalMs: 5_000,
  timeoutMs: 10_000,
  failures: 3,
  firstTimeoutMs: 60_000,
} as const;

export interface SuperviseOptions {
  /** Restarts in a row before giving up; 0 = never restart. */
  readonly maxRestarts: number;
  readonly onLog?: (line: string) => void;
  /** An engine up this long counts as recovered: the next death starts counting from 1 again. */
  readonly stableMs?: number;
  /** First delay; doubles per attempt (default 1 s). */
  readonly backoffMs?: number;
  /** Checks that the engine still answers; none: only its exit is watched. */
  readonly probe?: LivenessProbe;
  /** Called with each engine the supervisor started in place of a dead one. */
  readonly onRestart?: (engine: EngineHandle) => void;
}

/** An engine handle whose `pid` follows restarts and whose `exited` settles only when supervision ends. */
export interface SupervisedEngine extends EngineHandle {
  /** Restarts so far (all of them, not only the current run of attempts). */
  readonly restarts: number;
}

type Phase = 'running' | 'restarting' | 'stopping' | 'gave-up';

export function superviseEngine(
  first: EngineHandle,
  restart: () => Promise<EngineHandle>,
  options: SuperviseOptions,
): SupervisedEngine {
  const log = options.onLog ?? (() => {});
  const stableMs = options.stableMs ?? 300_000;
  const backoffMs = options.backoffMs ?? 1_000;
  let current = first;
  let phase: Phase = 'running';
  let restarts = 0;
  let restartsInARow = 0;
  let wake: (() => void) | null = null;
  /** The pid the probe killed, so that its death is logged as what it was. */
  let killedAsHung: number | null = null;
  let settle!: (code: number | null) => void;
  const exited = new Promise<number | null>((resolve) => {
    settle = resolve;
  });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      wake = null;
    });

  async function watch(): Promise<void> {
    for (;;) {
      const startedAt = Date.now();
      const code = await current.exited;
      if (phase === 'stopping') {
        settle(code);
        return;
      }
      let attempt = Date.now() - startedAt >= stableMs ? 0 : restartsInARow;
      const how =
        killedAsHung === current.pid
          ? 'killed because it did not answer'
          : code === null
            ? 'killed by a signal'
            : `exit ${code}`;
      log(`the embedded Neo4j engine (process ${current.pid}) stopped unexpectedly (${how})`);
      for (;;) {
        attempt += 1;
        if (attempt > options.maxRestarts) {
          log(
            options.maxRestarts === 0
              ? 'engine restarts are off (NEO4J_ENGINE_RESTARTS=0)'
              : `the engine did not stay up after ${options.maxRestarts} restarts in a row: giving up`,
          );
          phase = 'gave-up';
          settle(code);
          return;
        }
        const delay = Math.min(30_000, backoffMs * 2 ** (attempt - 1));
        log(`restarting the engine in ${delay / 1000} s (attempt ${attempt} of ${options.maxRestarts})`);
        phase = 'restarting';
        await sleep(delay);
        if (phase !== 'restarting') {
          settle(code);
          return;
        }
        const began = Date.now();
        try {
          const next = await restart();
          if ((phase as Phase) === 'stopping') {
            await next.stop();
            settle(await next.exited);
            return;
          }
          current = next;
          restarts += 1;
          restartsInARow = attempt;
          phase = 'running';
          log(`the engine is back (process ${current.pid}, ${Date.now() - began} ms)`);
          options.onRestart?.(current);
          break;
        } catch (error) {
          log(
            `restart attempt ${attempt} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
          );
          if ((phase as Phase) === 'stopping') {
            settle(code);
            return;
          }
        }
      }
    }
  }
  void watch();

  /** The liveness probe: runs while the supervisor does, checks only a running engine. */
  let probeTimer: NodeJS.Timeout | null = null;
  /** The engine that last answered a check: until the current one has, its checks wait longer. */
  let answered: EngineHandle | null = null;
  function scheduleProbe(probe: LivenessProbe, failed: number): void {
    const intervalMs = probe.intervalMs ?? PROBE_DEFAULTS.intervalMs;
    probeTimer = setTimeout(() => void runProbe(probe, failed), intervalMs);
    // The probe alone must not keep a process alive that has nothing else to do.
    probeTimer.unref();
  }
  async function runProbe(probe: LivenessProbe, failedBefore: number): Promise<void> {
    if (phase === 'stopping' || phase === 'gave-up') return;
    if (phase !== 'running') return scheduleProbe(probe, 0);
    const engine = current;
    const timeoutMs =
      engine === answered
        ? (probe.timeoutMs ?? PROBE_DEFAULTS.timeoutMs)
        : Math.max(
            probe.timeoutMs ?? PROBE_DEFAULTS.timeoutMs,
            probe.firstTimeoutMs ?? PROBE_DEFAULTS.firstTimeoutMs,
          );
    const failures = probe.failures ?? PROBE_DEFAULTS.failures;
    let timer: NodeJS.Timeout | undefined;
    const reason = await Promise.race([
      probe.check(engine.uri).then(() => null),
      new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve(`no answer within ${timeoutMs / 1000} s`), timeoutMs);
      }),
    ])
      .catch((error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error)))
      .finally(() => clearTimeout(timer));
    // (Read again: the phase may have moved on while the check ran.)
    if ((phase as Phase) === 'stopping' || (phase as Phase) === 'gave-up') return;
    // The engine changed meanwhile: this answer is about one that is gone.
    if (phase !== 'running' || engine !== current) return scheduleProbe(probe, 0);
    if (reason === null) {
      answered = engine;
      return scheduleProbe(probe, 0);
    }
    const failed = failedBefore + 1;
    log(`the engine (process ${engine.pid}) failed its liveness check ${failed} of ${failures}: ${reason}`);
    if (failed < failures) return scheduleProbe(probe, failed);
    log(`the engine (process ${engine.pid}) is hung: killing it (SIGKILL) to restart it`);
    killedAsHung = engine.pid;
    try {
      process.kill(engine.pid, 'SIGKILL');
    } catch {
      // Gone already: the watch above sees the exit either way.
    }
    scheduleProbe(probe, 0);
  }
  if (options.probe) scheduleProbe(options.probe, 0);

  return {
    get uri() {
      return current.uri;
    },
    get port() {
      return current.port;
    },
    get user() {
      return current.user;
    },
    get password() {
      return current.password;
    },
    get dataDir() {
      return current.dataDir;
    },
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    exited,
    async stop() {
      phase = 'stopping';
      if (probeTimer) clearTimeout(probeTimer);
      wake?.();
      await current.stop();
      await exited;
    },
  };
}
