import { exitStatusOf, isUserError } from "../errors.js";
import { stderrLogger, type Logger } from "../log.js";

/**
 * Runs a command's `main` and ends it the way every command ends (README, "Exit status"): the
 * status `main` returns (0 when none); on a UserError its message alone and 2 or 1 by
 * `exitStatusOf`; anything else logged in full, with status 1.
 */
export function runCommand(what: string, main: () => Promise<number | void>, log: Logger = stderrLogger): void {
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
