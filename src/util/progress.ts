/** A one-line progress bar on a terminal; occasional plain lines when output is a file or pipe. */
export interface Progress {
  update(done: number): void;
  finish(message?: string): void;
}

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const interactive = stream.isTTY === true;
  const started = Date.now();
  let lastPrinted = -1;
  const render = (done: number) => {
    const share = total === 0 ? 1 : done / total;
    const width = 24;
    const filled = Math.round(share * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return `${label} ${bar} ${done}/${total} (${seconds}s)`;
  };
  return {
    update(done) {
      if (interactive) {
        stream.write(`\r${render(done)}`);
        return;
      }
      // Without a terminal, print at each quarter so logs show movement without flooding.
      const quarter = total === 0 ? 4 : Math.floor((done / total) * 4);
      if (quarter !== lastPrinted) {
        lastPrinted = quarter;
        stream.write(`${render(done)}\n`);
      }
    },
    finish(message) {
      if (interactive) stream.write(`\r${render(total)}\n`);
      if (message) stream.write(`${message}\n`);
    },
  };
}
