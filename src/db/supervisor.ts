/**
 * Keeps the embedded engine running: when it dies (killed, out of memory, crashed), it is started
 * again on the same data directory and port, so the driver, which reconnects by itself, finds it
 * where it was. Meanwhile every read fails fast with DATABASE_UNAVAILABLE, exactly as with an
 * external server that goes away and comes back: one failure story in both modes.
 *
 * Restarts are bounded: at most `maxRestarts` in a row, 1 s, 2 s, 4 s … (at most 30 s) apart; an
 * engine that then stays up `stableMs` resets the count. Every death, attempt and outcome is
 * logged. When the attempts are spent, `exited` settles and the owner decides (npm start stops).
 */
import type { EngineHandle } from './engine.ts';

export interface SuperviseOptions {
  /** Restarts in a row before giving up; 0 = never restart. */
  readonly maxRestarts: number;
  readonly onLog?: (line: string) => void;
  /** An engine up this long counts as recovered: the next death starts counting from 1 again. */
  readonly stableMs?: number;
  /** First delay; doubles per attempt (default 1 s). */
  readonly backoffMs?: number;
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
      const how = code === null ? 'killed by a signal' : `exit ${code}`;
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
      wake?.();
      await current.stop();
      await exited;
    },
  };
}
