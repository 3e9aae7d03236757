/**
 * One status line for long steps (engine build, class archive, load): on a terminal it is
 * rewritten in place ("… 412 files, 96 MB, 41 s"); when output goes to a file or a pipe it stays
 * quiet, and only the permanent lines (start, end, errors) are written.
 */
export interface StatusLine {
  /** Replaces the status line (a terminal only). */
  update(text: string): void;
  /** Clears the status line, then writes `text` as a permanent line. */
  print(text: string): void;
  /** Clears the status line. */
  clear(): void;
}

export function statusLine(stream: NodeJS.WriteStream = process.stdout): StatusLine {
  const tty = stream.isTTY === true;
  let shown = false;
  const clear = () => {
    if (shown) stream.write('\r\x1b[K');
    shown = false;
  };
  return {
    update(text) {
      if (!tty) return;
      const width = stream.columns > 0 ? stream.columns - 1 : 79;
      stream.write(`\r\x1b[K${[...text].slice(0, width).join('')}`);
      shown = true;
    },
    print(text) {
      clear();
      stream.write(`${text}\n`);
    },
    clear,
  };
}
