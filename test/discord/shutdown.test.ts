import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SHUTDOWN_GRACE_MS, superviseShutdown } from "../../src/discord/shutdown.js";
import { UserError } from "../../src/errors.js";
import type { Logger } from "../../src/log.js";

/** The supervisor with a signal source, a clock and an exit the test controls, and a shutdown that ends when told to. */
function supervised() {
  const signals = new EventEmitter();
  const clock = { now: 1_000_000 };
  const lines: string[] = [];
  const log: Logger = { info: (message) => lines.push(`info: ${message}`), warn: (message) => lines.push(`warn: ${message}`), error: (message) => lines.push(`error: ${message}`) };
  let finish = () => {};
  const shutdown = vi.fn((_graceMs: number) => new Promise<void>((resolve) => (finish = resolve)));
  const exit = vi.fn((_code: number) => {});
  const supervisor = superviseShutdown({ shutdown, log, exit, signals, now: () => clock.now });
  const signal = (name: NodeJS.Signals) => signals.emit(name, name);
  return { supervisor, signal, clock, lines, shutdown, exit, finishShutdown: () => finish() };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe("superviseShutdown", () => {
  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)("GIVEN %s THEN answers in progress get the grace period, then the bot exits 0", async (name) => {
    const { signal, lines, shutdown, exit, finishShutdown } = supervised();
    signal(name);
    expect(shutdown).toHaveBeenCalledWith(SHUTDOWN_GRACE_MS);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^info: ${name}: finishing answers in progress \\(up to 10 s\\)`))]);
    await settle();
    expect(exit).not.toHaveBeenCalled();
    finishShutdown();
    await settle();
    expect(exit.mock.calls).toEqual([[0]]);
  });

  it("GIVEN the same stop twice within a moment (npm forwards what the process group already got) THEN one stop", async () => {
    const { signal, clock, shutdown, exit } = supervised();
    signal("SIGTERM");
    clock.now += 5;
    signal("SIGTERM");
    clock.now += 300;
    signal("SIGTERM");
    await settle();
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
  });

  it("GIVEN a second signal later THEN the bot exits at once with 128 + the signal's number, abandoning answers", () => {
    const { signal, clock, lines, exit } = supervised();
    signal("SIGINT");
    clock.now += 2_000;
    signal("SIGINT");
    expect(exit.mock.calls).toEqual([[130]]);
    expect(lines.at(-1)).toMatch(/^warn: SIGINT again: stopping now, abandoning answers in progress/);
  });

  it("GIVEN a shutdown that never ends THEN the bot exits anyway shortly after the grace period", async () => {
    vi.useFakeTimers();
    const { signal, lines, exit } = supervised();
    signal("SIGTERM");
    await vi.advanceTimersByTimeAsync(SHUTDOWN_GRACE_MS);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(exit.mock.calls).toEqual([[0]]);
    expect(lines.at(-1)).toMatch(/^warn: Still disconnecting .*; exiting anyway\.$/);
  });

  it("GIVEN a fatal error THEN its one line, the grace period for answers, and exit 1 so a supervisor restarts the bot", async () => {
    const { supervisor, lines, shutdown, exit, finishShutdown } = supervised();
    supervisor.fail(new UserError("DISCORD_TOKEN_REJECTED", "Discord rejected DISCORD_TOKEN …"));
    supervisor.fail(new UserError("DISCORD_TOKEN_REJECTED", "reported once"));
    expect(supervisor.stopping).toBe(true);
    expect(lines).toEqual(["error: Discord rejected DISCORD_TOKEN …"]);
    expect(shutdown).toHaveBeenCalledTimes(1);
    finishShutdown();
    await settle();
    expect(exit.mock.calls).toEqual([[1]]);
  });
});
