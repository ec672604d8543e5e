/** A one-line progress bar on a terminal; plain lines, at least every few seconds, in a file or pipe. */
export interface Progress {
  update(done: number): void;
  finish(message?: string): void;
}

export interface ProgressOptions {
  stream?: Pick<NodeJS.WriteStream, "write" | "isTTY">;
  now?: () => number;
}

/**
 * Longest wait between two plain lines. A log or a supervisor reading a pipe should see long
 * work move (embedding a large article can take many minutes) without one line per batch.
 */
const PLAIN_LINE_INTERVAL_MS = 10_000;

/** "45s", "3m 05s", "1h 02m". */
function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}

export function createProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const interactive = stream.isTTY === true;
  const started = now();
  const bar = (done: number) => {
    const share = total === 0 ? 1 : done / total;
    const width = 24;
    const filled = Math.round(share * width);
    const seconds = ((now() - started) / 1000).toFixed(1);
    return `${label} ${"█".repeat(filled)}${"░".repeat(width - filled)} ${done}/${total} (${seconds}s)`;
  };
  const plain = (done: number) => {
    const elapsed = now() - started;
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    const left = done > 0 && done < total ? `, about ${formatDuration((elapsed * (total - done)) / done)} left` : "";
    return `${label}: ${done}/${total} (${percent}%) after ${formatDuration(elapsed)}${left}`;
  };

  let lastQuarter = -1;
  let lastLineAt = -Infinity;
  let lastDone = -1;
  return {
    update(done) {
      if (interactive) {
        stream.write(`\r${bar(done)}`);
        return;
      }
      // Without a terminal: the start, each quarter, the end, and a line whenever it has been quiet too long.
      const quarter = total === 0 ? 4 : Math.floor((done / total) * 4);
      if (quarter !== lastQuarter || now() - lastLineAt >= PLAIN_LINE_INTERVAL_MS) {
        lastQuarter = quarter;
        lastLineAt = now();
        lastDone = done;
        stream.write(`${plain(done)}\n`);
      }
    },
    finish(message) {
      if (interactive) stream.write(`\r${bar(total)}\n`);
      else if (lastDone !== total) stream.write(`${plain(total)}\n`);
      if (message) stream.write(`${message}\n`);
    },
  };
}
