import os from "node:os";
import { exitStatusOf, isUserError } from "../errors.js";
import { stderrLogger, type Logger } from "../log.js";

/**
 * A reader that went away (`… | head -1`) ends the command at once, quietly and with status 0:
 * nothing it does from then on could be delivered, and a stack trace would only add noise.
 */
function endWhenClosed(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") process.exit(0);
    throw error;
  });
}

/**
 * Ctrl-C, SIGTERM or SIGHUP end a command at once with the conventional status (128 + the
 * signal's number), through `process.exit`, so what it holds is let go on the way out (the index
 * lock; see index/lock.ts). A build cut short this way leaves the index as it was.
 */
function endOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => process.exit(128 + (os.constants.signals[signal] ?? 0)));
  }
}

/**
 * Runs a command's `main` and ends it the way every command ends (README, "Commands"): the
 * status `main` returns (0 when none); on a UserError its message alone and 2 or 1 by
 * `exitStatusOf`; anything else logged in full, with status 1. A closed standard output or
 * error ends it at once with status 0.
 */
export function runCommand(what: string, main: () => Promise<number | void>, log: Logger = stderrLogger): void {
  endWhenClosed(process.stdout);
  endWhenClosed(process.stderr);
  endOnSignals();
  main().then(
    (status) => {
      process.exitCode = status ?? 0;
    },
    (error: unknown) => {
      if (isUserError(error)) log.error(error.message);
      else log.error(`${what} failed`, error);
      process.exitCode = exitStatusOf(error);
    },
  );
}

/**
 * npm prints its own "> package@version script" lines on standard output before a script unless
 * it runs with --silent, so `npm run ask -- --json` is not JSON alone. Commands about to print
 * JSON say so on standard error, where it cannot spoil the output.
 */
export function noteNpmBanner(script: string, log: Logger = stderrLogger): void {
  if (process.env.npm_lifecycle_event === script && process.env.npm_config_loglevel !== "silent") {
    log.warn(`npm printed its own lines on standard output ahead of the JSON; for JSON alone run: npm run --silent ${script} -- …`);
  }
}
