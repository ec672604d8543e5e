import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "../errors.js";

/** The `-h, --help` flag every command takes. */
export const HELP_FLAG = { help: { type: "boolean", short: "h", default: false } } as const;

/** Node's `parseArgs` with its errors turned into one user-facing line that points at `--help`. */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError("BAD_FLAG", `${(error as Error).message}. Run with --help to see the options.`);
  }
}
