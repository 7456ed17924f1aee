/** Per-recipient outcomes are deleted after their retention; counts stay. On SQLite, and on Redis when REDIS_URL is set. */
import { afterEach, expect, it } from "vitest";
import { outcomeNamespace } from "../../src/broadcast/outcome.ts";
import { type World, world } from "./support.ts";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

async function count(iterable: AsyncIterable<unknown>) {
  let n = 0;
  for await (const _ of iterable) n++;
  return n;
}

for (const [name, redisUrl] of [
  ["sqlite", undefined],
  ["redis", process.env.REDIS_URL],
] as const) {
  it.runIf(name === "sqlite" || redisUrl)(
    `${name}: drops the outcomes of broadcasts finished longer ago than the retention`,
    async () => {
      const current = await world(redisUrl ? { redisUrl } : {});
      w = current;
      for (let i = 1; i <= 3; i++) await current.addSubscriber(`telegram:${i}`, ["reform"]);
      let now = Date.now();
      const b = current.build({
        clock: { now: () => now },
        settings: {
          telegramPerSecond: 200,
          zaloPerSecond: 200,
          zaloMonthlyBudget: 10,
          zaloHours: { fromMinute: 0, toMinute: 1440 },
          outcomeRetentionDays: 30,
        },
      });
      const old = await b.service.create({ text: "Thông báo cũ." }, "api");
      await b.deliver(old.id);
      const pending = await b.service.create(
        { text: "Thông báo hẹn giờ.", at: now + 90 * 86_400_000 },
        "api",
      );
      now += 20 * 86_400_000;
      const recent = await b.service.create({ text: "Thông báo mới." }, "api");
      await b.deliver(recent.id);
      const outcomes = (id: string) => current.stores.versioned(outcomeNamespace(id)).entries();
      expect(await count(outcomes(old.id))).toBe(3);

      expect(await b.dropExpiredOutcomes()).toBe(0);
      now += 11 * 86_400_000; // the first is now 31 days old, the second 11
      expect(await b.dropExpiredOutcomes()).toBe(1);
      expect(await count(outcomes(old.id))).toBe(0);
      expect(await count(outcomes(recent.id))).toBe(3);
      const kept = await b.service.get(old.id);
      expect(kept).toMatchObject({ status: "done", total: 3, counts: { sent: 3 }, outcomesDroppedAt: now });
      expect((await b.service.get(pending.id))?.status).toBe("scheduled");
      expect(await b.dropExpiredOutcomes()).toBe(0);
    },
  );
}
