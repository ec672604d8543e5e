import { describe, expect, it } from "vitest";
import { CHANNEL_NOTICE_WINDOW_MS, CHANNEL_NOTICES_PER_WINDOW, NoticeGate, USER_NOTICE_WINDOW_MS } from "../../src/discord/notices.js";

function gate() {
  const clock = { now: 1_000_000 };
  return { clock, gate: new NoticeGate({ now: () => clock.now }) };
}

describe("NoticeGate", () => {
  it("GIVEN a user just told to slow down THEN tells them nothing more until the window has passed", () => {
    const { clock, gate: notices } = gate();
    expect(notices.allow("ann", "news")).toBe(true);
    clock.now += USER_NOTICE_WINDOW_MS - 1;
    expect(notices.allow("ann", "news")).toBe(false);
    expect(notices.allow("ann", "other-channel")).toBe(false);
    expect(notices.allow("bob", "news")).toBe(true);
    clock.now += 1;
    expect(notices.allow("ann", "news")).toBe(true);
  });

  it("GIVEN a burst from many users in one channel THEN posts at most the channel's share per window, and other channels keep theirs", () => {
    const { clock, gate: notices } = gate();
    const allowed = Array.from({ length: 50 }, (_, i) => notices.allow(`user-${i}`, "news")).filter(Boolean);
    expect(allowed).toHaveLength(CHANNEL_NOTICES_PER_WINDOW);
    expect(notices.allow("someone", "sports")).toBe(true);
    clock.now += CHANNEL_NOTICE_WINDOW_MS;
    expect(notices.allow("late-user", "news")).toBe(true);
  });

  it("a refused notice does not extend the user's window", () => {
    const { clock, gate: notices } = gate();
    notices.allow("ann", "news");
    clock.now += USER_NOTICE_WINDOW_MS - 1_000;
    expect(notices.allow("ann", "news")).toBe(false);
    clock.now += 1_000;
    expect(notices.allow("ann", "news")).toBe(true);
  });
});
