/** Where the engine reports progress and warnings. Front ends decide where lines go. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Writes to standard error so standard output stays clean for answers and JSON. */
export const stderrLogger: Logger = {
  info: (message) => process.stderr.write(`${message}\n`),
  warn: (message) => process.stderr.write(`warning: ${message}\n`),
  error: (message, error) => process.stderr.write(`error: ${message}${error ? `\n${error instanceof Error ? error.stack : String(error)}` : ""}\n`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
