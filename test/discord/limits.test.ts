import { describe, expect, it } from "vitest";
import { AnswerLimiter, BUSY_RETRY_MS, describeRefusal } from "../../src/discord/limits.js";

function limiter(cooldownMs = 10_000, maxConcurrent = 2) {
  const clock = { now: 1_000_000 };
  return { clock, limiter: new AnswerLimiter({ cooldownMs, maxConcurrent, now: () => clock.now }) };
}

describe("AnswerLimiter", () => {
  it("GIVEN a user who just asked THEN refuses until the cooldown has passed, saying how long", () => {
    const { clock, limiter: limits } = limiter();
    const first = limits.admit("ann");
    expect(first.ok).toBe(true);
    if (first.ok) first.release();
    clock.now += 3_500;
    expect(limits.admit("ann")).toEqual({ ok: false, reason: "cooldown", retryAfterMs: 6_500 });
    expect(limits.admit("bob").ok).toBe(true);
    clock.now += 6_500;
    expect(limits.admit("ann").ok).toBe(true);
  });

  it("GIVEN all answer slots busy THEN refuses others until one is released", () => {
    const { limiter: limits } = limiter(0, 2);
    const a = limits.admit("a");
    const b = limits.admit("b");
    expect(limits.admit("c")).toEqual({ ok: false, reason: "busy", retryAfterMs: BUSY_RETRY_MS });
    expect(limits.activeAnswers).toBe(2);
    if (a.ok) {
      a.release();
      a.release(); // idempotent: a double release must not free a second slot
    }
    expect(limits.activeAnswers).toBe(1);
    expect(limits.admit("c").ok).toBe(true);
    expect(limits.admit("d").ok).toBe(false);
    if (b.ok) b.release();
  });

  it("a refused attempt does not restart the cooldown", () => {
    const { clock, limiter: limits } = limiter(10_000, 4);
    limits.admit("ann");
    clock.now += 9_000;
    expect(limits.admit("ann").ok).toBe(false);
    clock.now += 1_000;
    expect(limits.admit("ann").ok).toBe(true);
  });

  it("whenIdle resolves once answers in progress finish, or false after the timeout", async () => {
    const { limiter: limits } = limiter(0, 4);
    expect(await limits.whenIdle(10)).toBe(true);
    const slot = limits.admit("a");
    expect(await limits.whenIdle(10)).toBe(false);
    const idle = limits.whenIdle(1000);
    if (slot.ok) slot.release();
    expect(await idle).toBe(true);
  });

  it("words refusals in whole seconds", () => {
    expect(describeRefusal({ reason: "cooldown", retryAfterMs: 6_100 })).toBe("⏳ Slow down a little: you can ask again in 7 seconds.");
    expect(describeRefusal({ reason: "cooldown", retryAfterMs: 200 })).toBe("⏳ Slow down a little: you can ask again in 1 second.");
    expect(describeRefusal({ reason: "busy", retryAfterMs: 5_000 })).toMatch(/busy answering other questions. Try again in about 5 seconds/);
  });
});
