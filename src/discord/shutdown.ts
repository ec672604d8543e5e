import type { UserError } from "../errors.js";
import type { Logger } from "../log.js";

/** How long answers in progress get to finish once the bot is asked to stop. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface ShutdownOptions {
  /** Stops taking questions, lets answers in progress finish for up to `graceMs`, then disconnects. */
  shutdown(graceMs: number): Promise<void>;
  log: Logger;
  exit(code: number): void;
  /** Where stop signals come from: the process itself, outside tests. */
  signals?: Pick<NodeJS.Process, "once">;
  graceMs?: number;
}

export interface Supervisor {
  /** Whether the bot is stopping (after a signal or a fatal error). */
  readonly stopping: boolean;
  /** Reports a fatal error in its one line, lets answers in progress finish, then exits 1 so a supervisor restarts the bot. */
  fail(error: UserError): void;
}

/** The one place the bot decides to stop and with which exit status: on SIGINT and SIGTERM (status 0), or a fatal error (1). */
export function superviseShutdown({ shutdown, log, exit, signals = process, graceMs = SHUTDOWN_GRACE_MS }: ShutdownOptions): Supervisor {
  let stopping = false;
  const stop = (exitCode: number) => {
    stopping = true;
    shutdown(graceMs).then(
      () => exit(exitCode),
      (error: unknown) => {
        log.error("shutdown failed", error);
        exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    log.info(`${signal}: finishing answers in progress and disconnecting…`);
    stop(0);
  };
  signals.once("SIGINT", onSignal);
  signals.once("SIGTERM", onSignal);
  return {
    get stopping() {
      return stopping;
    },
    fail(error) {
      if (stopping) return;
      log.error(error.message);
      stop(1);
    },
  };
}
