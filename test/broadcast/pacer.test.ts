import { describe, expect, it } from "vitest";
import { createChatGap, createPacer, type PacerClock } from "../../src/broadcast/pacer.ts";
import { budgetMonth, createZaloBudget, nextOpening, withinHours } from "../../src/broadcast/zalo-rules.ts";

/** A clock whose sleeps only record how long they would last, moving time forward. */
function fakeClock(): PacerClock & { waits: number[]; t: number } {
  const clock = {
    t: 0,
    waits: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.waits.push(ms);
    },
  };
  return clock;
}

describe("pacer", () => {
  it("spaces sends 1000/rate ms apart, and a pause pushes every later slot back", async () => {
    const clock = fakeClock();
    const pacer = createPacer(25, clock);
    for (let i = 0; i < 5; i++) await pacer.take();
    expect(clock.waits).toEqual([0, 40, 80, 120, 160]);
    clock.t = 100;
    pacer.pause(3000);
    await pacer.take();
    expect(clock.waits.at(-1)).toBe(3000);
    await pacer.take();
    expect(clock.waits.at(-1)).toBe(3040);
    expect(() => createPacer(0)).toThrow(RangeError);
  });

  it("keeps one message a second per chat, chats apart independent", async () => {
    const clock = fakeClock();
    const gap = createChatGap(1000, clock);
    await gap.wait("telegram:1");
    await gap.wait("telegram:2");
    await gap.wait("telegram:1");
    expect(clock.waits).toEqual([0, 0, 1000]);
    clock.t = 5000;
    await gap.wait("telegram:1");
    expect(clock.waits.at(-1)).toBe(0);
  });
});

describe("Zalo rules", () => {
  // 2026-12-02 06:59 and 07:00 in Vietnam (UTC+7).
  const before = Date.UTC(2026, 11, 1, 23, 59);
  const opening = Date.UTC(2026, 11, 2, 0, 0);
  const hours = { fromMinute: 7 * 60, toMinute: 21 * 60 };

  it("knows the sending hours in Vietnam time, also across midnight", () => {
    expect(withinHours(hours, before)).toBe(false);
    expect(withinHours(hours, opening)).toBe(true);
    expect(withinHours(hours, Date.UTC(2026, 11, 2, 14, 0))).toBe(false); // 21:00, closed
    expect(nextOpening(hours, before)).toBe(opening);
    expect(nextOpening(hours, opening + 60_000)).toBe(opening + 60_000);
    expect(nextOpening(hours, Date.UTC(2026, 11, 2, 15, 0))).toBe(opening + 86_400_000);
    const night = { fromMinute: 22 * 60, toMinute: 6 * 60 };
    expect(withinHours(night, Date.UTC(2026, 11, 1, 16, 0))).toBe(true); // 23:00
    expect(withinHours(night, Date.UTC(2026, 11, 1, 22, 0))).toBe(true); // 05:00
    expect(withinHours(night, Date.UTC(2026, 11, 2, 5, 0))).toBe(false); // 12:00
  });

  it("counts the budget per Vietnam month, refusing what goes over", async () => {
    expect(budgetMonth(Date.UTC(2026, 10, 30, 17, 30))).toBe("2026-12"); // 00:30 on 1 December in Vietnam
    const counters = new Map<string, number>();
    const budget = createZaloBudget(
      (month) => ({ next: async () => counters.set(month, (counters.get(month) ?? 0) + 1).get(month)! }),
      3,
    );
    expect(await budget.take(2, opening)).toBe(true);
    expect(await budget.take(1, opening)).toBe(true);
    expect(await budget.take(1, opening)).toBe(false);
    expect(await budget.take(1, Date.UTC(2027, 0, 5))).toBe(true);
  });
});
