/**
 * An error whose message is safe to show to a user as it is: it names the problem and how to
 * fix it. `code` is stable so front ends and tests can tell errors apart without parsing text.
 */
export class UserError extends Error {
  override readonly name: string = "UserError";

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A UserError in how a command was called or configured: a flag, an argument, a question, a
 * variable's value. Fixing it means changing the call, not waiting or repairing files.
 */
export class UsageError extends UserError {
  override readonly name: string = "UsageError";
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The help text's line on exit statuses, the same for every command. */
export const EXIT_STATUS_HELP = "Exit status: 0 done, 1 the work failed, 2 called or configured wrongly (a flag, an argument, a variable's value).";

/** The exit status of every command that stops on `error`: 2 called or configured wrongly, 1 the work failed. */
export function exitStatusOf(error: unknown): 1 | 2 {
  return error instanceof UsageError ? 2 : 1;
}
