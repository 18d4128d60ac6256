/**
 * A progress line for long command-line work: "imported 52,000 of 100,000 rows (4,800 rows/s)",
 * redrawn in place on a terminal. Short work shows nothing (the first draw waits FIRST_DRAW_MS),
 * and where nobody watches (output not a terminal, or CI) there is no line at all, so logs keep
 * only the summary.
 */
export const FIRST_DRAW_MS = 500;
export const REDRAW_MS = 200;

export interface ProgressLine {
  /** done of total units so far in the step called verb; a new verb starts a new rate. */
  update(verb: string, done: number, total: number, unit: string): void;
  /** Clears the line, before the summary is printed. */
  done(): void;
}

export function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** The progress line for this stream, or none when it is not a terminal or runs in CI. */
export function progressLineFor(stream: { isTTY?: boolean; write(text: string): unknown }, env: NodeJS.ProcessEnv): ProgressLine | undefined {
  return stream.isTTY && !isCi(env) ? terminalProgressLine((text) => stream.write(text)) : undefined;
}

const CLEAR_LINE = '\r\x1b[K';

export function terminalProgressLine(write: (text: string) => void, now: () => number = Date.now): ProgressLine {
  const startedAt = now();
  let step = '';
  let stepStartedAt = startedAt;
  let drawnAt = -Infinity;
  let drawn = false;
  const number = (n: number) => n.toLocaleString('en-US');
  return {
    update(verb, done, total, unit) {
      const t = now();
      if (verb !== step) {
        step = verb;
        stepStartedAt = t;
      }
      if (t - startedAt < FIRST_DRAW_MS || (t - drawnAt < REDRAW_MS && done < total)) return;
      const seconds = (t - stepStartedAt) / 1000;
      const rate = seconds > 0 ? ` (${number(Math.round(done / seconds))} ${unit}/s)` : '';
      write(`${CLEAR_LINE}${verb} ${number(done)} of ${number(total)} ${unit}${rate}`);
      drawnAt = t;
      drawn = true;
    },
    done() {
      if (drawn) write(CLEAR_LINE);
      drawn = false;
    },
  };
}
