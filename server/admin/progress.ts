/**
 * A progress line for long admin commands: redrawn in place on a terminal, at most every
 * REDRAW_MS so a fast import is not slowed by its own output, and cleared at the end so the
 * summary prints on a clean line. Off the terminal (a pipe, a log, a test) it prints nothing.
 */

/** Draws `text` over the current line; `null` clears it. */
export type ProgressLine = (text: string | null) => void;

const REDRAW_MS = 100;

export interface Progress {
  tick(n: number): void;
  done(): void;
}

export function createProgress(line: ProgressLine | null, describe: (n: number) => string, now: () => number = Date.now): Progress {
  if (line === null) return { tick: () => undefined, done: () => undefined };
  let drawnAt = -Infinity;
  let drawn = false;
  return {
    tick(n) {
      const at = now();
      if (at - drawnAt < REDRAW_MS) return;
      drawnAt = at;
      drawn = true;
      line(describe(n));
    },
    done() {
      if (drawn) line(null);
    },
  };
}

/** The terminal's progress line on a stream (standard error), or null when it is no terminal. */
export function terminalProgress(stream: NodeJS.WriteStream): ProgressLine | null {
  if (!stream.isTTY) return null;
  return (text) => {
    stream.write(text === null ? '\r\x1b[2K' : `\r\x1b[2K${text.slice(0, Math.max(10, (stream.columns || 80) - 1))}`);
  };
}

/** A bar of `width` cells for a fraction done, with its percentage: `[#####-----]  50%`. */
export function progressBar(done: number, total: number, width = 24): string {
  const fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%`;
}
