import { describe, expect, it } from "vitest";
import { createRecentKeys } from "../../../src/channels/zalo/recent-keys.ts";

function fakeClock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("createRecentKeys", () => {
  it("reports a key seen within the window", () => {
    const clock = fakeClock();
    const keys = createRecentKeys({ ttlMs: 1000, maxKeys: 10, clock });
    expect(keys.seen("message.text.received:a")).toBe(false);
    clock.advance(999);
    expect(keys.seen("message.text.received:a")).toBe(true);
    expect(keys.seen("message.image.received:a")).toBe(false);
  });

  it("forgets a key after the window", () => {
    const clock = fakeClock();
    const keys = createRecentKeys({ ttlMs: 1000, maxKeys: 10, clock });
    keys.seen("k");
    clock.advance(1000);
    expect(keys.seen("k")).toBe(false);
    expect(keys.size).toBe(1);
  });

  it("keeps at most maxKeys, dropping the oldest", () => {
    const clock = fakeClock();
    const keys = createRecentKeys({ ttlMs: 60_000, maxKeys: 3, clock });
    for (const k of ["a", "b", "c", "d"]) {
      keys.seen(k);
      clock.advance(1);
    }
    expect(keys.size).toBe(3);
    expect(keys.seen("d")).toBe(true);
    expect(keys.seen("a")).toBe(false);
  });
});
