/**
 * The one progress line of a library load, on stderr: files done of the total, plans per second,
 * time left. In a terminal the line is redrawn in place; into a file or a pipe (CI logs) a new line
 * every few seconds instead, so a log is readable and not a carriage-return smear.
 */
import type { Progress } from '../ingest/library/load-library.ts';

/** `files 120/1000 (12%)  loaded 118  9.8 plans/s  ETA 1m30s` */
export function formatProgress(p: Progress): string {
  const rate = p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
  const left = rate > 0 ? ((p.total - p.done) / rate) * 1000 : NaN;
  const percent = p.total === 0 ? 100 : Math.floor((p.done * 100) / p.total);
  return (
    `files ${p.done}/${p.total} (${percent}%)  loaded ${p.loaded}  ${rate.toFixed(1)} plans/s  ` +
    `ETA ${p.done === p.total ? 'done' : duration(left)}`
  );
}

export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** Seconds between two lines when stderr is not a terminal. */
const LOG_EVERY_MS = 5_000;

/** A progress callback writing to `stream`: redrawn on a TTY, a line every few seconds otherwise, and the last one always. */
export function progressLine(stream: NodeJS.WriteStream = process.stderr): (p: Progress) => void {
  let last = -Infinity;
  return (p) => {
    const done = p.done === p.total;
    if (stream.isTTY) {
      stream.write(`\r${formatProgress(p)}\x1b[K${done ? '\n' : ''}`);
    } else if (done || p.elapsedMs - last >= LOG_EVERY_MS) {
      last = p.elapsedMs;
      stream.write(`${formatProgress(p)}\n`);
    }
  };
}
