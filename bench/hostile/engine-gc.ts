/**
 * The engine's garbage-collection pauses, from the JVM's own log: every collector stops the
 * engine's threads for its pauses, and a small query's statement waits them out. The bench asks
 * the engine's JVM for the log through JDK_JAVA_OPTIONS (read by the `java` launcher, which the
 * engine inherits the environment of), and reads the pauses logged in a window.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GcPauses {
  readonly count: number;
  readonly maxMs: number;
  readonly totalMs: number;
  readonly full: number;
}

export class EngineGcLog {
  private from = 0;

  constructor(readonly file: string) {}

  /** Adds the log option to JDK_JAVA_OPTIONS for engines started after this call. */
  static enable(dir: string): EngineGcLog {
    const log = new EngineGcLog(join(dir, 'engine-gc.log'));
    process.env['JDK_JAVA_OPTIONS'] = [process.env['JDK_JAVA_OPTIONS'], `-Xlog:gc:file=${log.file}`]
      .filter(Boolean)
      .join(' ');
    return log;
  }

  private text(): string {
    return existsSync(this.file) ? readFileSync(this.file, 'utf8') : '';
  }

  /** Starts a window: pauses logged from now on. */
  mark(): void {
    this.from = this.text().length;
  }

  /** The pauses logged since `mark()` (lines such as "GC(12) Pause Young (Normal) … 12.345ms"). */
  pauses(): GcPauses {
    const ms = [
      ...this.text()
        .slice(this.from)
        .matchAll(/ Pause (\w+).* ([\d.]+)ms$/gm),
    ].map((m) => ({
      kind: m[1]!,
      ms: Number(m[2]),
    }));
    return {
      count: ms.length,
      maxMs: Math.max(0, ...ms.map((p) => p.ms)),
      totalMs: ms.reduce((sum, p) => sum + p.ms, 0),
      full: ms.filter((p) => p.kind === 'Full').length,
    };
  }
}
