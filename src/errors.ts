/**
 * An error whose message is safe to show to a user as it is: it names the problem and how to
 * fix it. `code` is stable so front ends and tests can tell errors apart without parsing text.
 */
export class UserError extends Error {
  override readonly name = "UserError";

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
