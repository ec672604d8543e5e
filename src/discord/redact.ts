import type { Logger } from "../log.js";

/** A logger that replaces every secret (the bot token) in messages and error stacks with "[redacted]". */
export function redactingLogger(inner: Logger, secrets: readonly string[]): Logger {
  const hidden = secrets.filter((secret) => secret.length >= 8);
  const redact = (text: string) => hidden.reduce((result, secret) => result.split(secret).join("[redacted]"), text);
  const redactError = (error: unknown): unknown => {
    if (!(error instanceof Error)) return error === undefined ? undefined : redact(String(error));
    const copy = new Error(redact(error.message));
    copy.name = error.name;
    copy.stack = redact(error.stack ?? `${error.name}: ${error.message}`);
    return copy;
  };
  return {
    info: (message) => inner.info(redact(message)),
    warn: (message) => inner.warn(redact(message)),
    error: (message, error) => inner.error(redact(message), redactError(error)),
  };
}
