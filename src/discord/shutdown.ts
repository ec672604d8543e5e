import { constants } from "node:os";
import type { UserError } from "../errors.js";
import type { Logger } from "../log.js";

/** How long answers in progress get to finish once the bot is asked to stop. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** After the grace period, how long disconnecting may take before the process exits anyway. */
const DISCONNECT_MS = 2_000;
/**
 * npm forwards SIGINT and SIGTERM to the bot, and Ctrl-C or systemd signal the whole process
 * group as well: one request to stop reaches the bot twice, milliseconds apart. A repeat within
 * this window is that echo; a later one is someone asking again, and stops the bot at once.
 */
const ECHO_MS = 1_000;
/** Ctrl-C, a supervisor's stop, the terminal closing. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** Where stop signals come from: the process itself, outside tests. */
interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface ShutdownOptions {
  /** Stops taking questions, lets answers in progress finish for up to `graceMs`, then disconnects. */
  shutdown(graceMs: number): Promise<void>;
  log: Logger;
  exit(code: number): void;
  signals?: SignalSource;
  now?: () => number;
}

export interface Supervisor {
  /** Whether the bot is stopping (after a signal or a fatal error). */
  readonly stopping: boolean;
  /** Reports a fatal error in its one line, lets answers in progress finish, then exits 1 so a supervisor restarts the bot. */
  fail(error: UserError): void;
}

/**
 * The one place the bot decides to stop, and with which exit status. SIGINT, SIGTERM or SIGHUP:
 * answers in progress get `SHUTDOWN_GRACE_MS` to finish, then the bot disconnects and exits 0; the
 * same signal again later exits at once (128 + its number). A fatal error: one line, the same
 * grace, exit 1. Whatever happens, the process exits soon after the grace period.
 */
export function superviseShutdown({ shutdown, log, exit, signals = process, now = Date.now }: ShutdownOptions): Supervisor {
  let stoppedAt: number | null = null;
  const stop = (exitCode: number) => {
    stoppedAt = now();
    const deadline = setTimeout(() => {
      log.warn(`Still disconnecting ${(SHUTDOWN_GRACE_MS + DISCONNECT_MS) / 1000} s after being asked to stop; exiting anyway.`);
      exit(exitCode);
    }, SHUTDOWN_GRACE_MS + DISCONNECT_MS);
    shutdown(SHUTDOWN_GRACE_MS)
      .then(
        () => exit(exitCode),
        (error: unknown) => {
          log.error("shutdown failed", error);
          exit(1);
        },
      )
      .finally(() => clearTimeout(deadline));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppedAt === null) {
      log.info(`${signal}: finishing answers in progress (up to ${SHUTDOWN_GRACE_MS / 1000} s), then disconnecting. Send it again to stop at once.`);
      stop(0);
    } else if (now() - stoppedAt >= ECHO_MS) {
      log.warn(`${signal} again: stopping now, abandoning answers in progress.`);
      exit(128 + constants.signals[signal]);
    }
  };
  for (const signal of STOP_SIGNALS) signals.on(signal, onSignal);
  return {
    get stopping() {
      return stoppedAt !== null;
    },
    fail(error) {
      if (stoppedAt !== null) return;
      log.error(error.message);
      stop(1);
    },
  };
}
