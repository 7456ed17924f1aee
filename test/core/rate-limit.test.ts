import { describe, expect, it } from "vitest";
import { checkRateLimit } from "../../src/core/rate-limit.ts";

describe("checkRateLimit", () => {
  const limit = { max: 3, windowMs: 60_000 };

  it("allows up to the limit, warns once above it, then drops until the window ends", () => {
    let window: Parameters<typeof checkRateLimit>[0];
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const verdict = checkRateLimit(window, 1_000 + i, limit);
      outcomes.push(verdict.outcome);
      window = verdict.window;
    }
    expect(outcomes).toEqual(["allow", "allow", "allow", "warn", "drop", "drop"]);
    expect(checkRateLimit(window, 61_000, limit).outcome).toBe("allow");
  });

  it("starts a new window when the clock went backwards", () => {
    const verdict = checkRateLimit({ windowStart: 100_000, count: 99, warned: true }, 50_000, limit);
    expect(verdict.outcome).toBe("allow");
    expect(verdict.window).toEqual({ windowStart: 50_000, count: 1, warned: false });
  });
});
