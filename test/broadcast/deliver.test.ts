/** Delivery against the Telegram and Zalo API stand-ins, on real SQLite storage. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { subscriber } from "../../src/broadcast/subscriber.ts";
import { unsubscribe } from "../../src/broadcast/subscriber-store.ts";
import type { Address } from "../../src/core/model.ts";
import { deliveredTelegram, type World, world } from "./support.ts";

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(async () => {
  await w.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tg = (n: number): Address => `telegram:${n}`;

describe("broadcast delivery", () => {
  it("reaches exactly the active subscribers of the chosen topics, once each, with how to unsubscribe", async () => {
    await w.addSubscriber(tg(1), ["land"]);
    await w.addSubscriber(tg(2), ["tax", "land"]);
    await w.addSubscriber(tg(3), ["civil"]);
    await w.addSubscriber(tg(4), ["reform", "civil", "land", "tax", "schedule"]);
    await w.addSubscriber("zalo:z5", ["land"]);
    await w.addSubscriber("zalo:z6", ["schedule"]);
    await w.addSubscriber(tg(7), ["land"]);
    await unsubscribe(w.stores.versioned("subscribers"), tg(7), Date.now());
    const b = w.build();
    const created = await b.service.create(
      { text: "Từ 01/12, đăng ký đất đai trực tuyến tại Cổng Dịch vụ công.", topics: ["land"] },
      "api",
    );
    expect(await b.deliver(created.id)).toEqual({ kind: "done" });

    expect([...deliveredTelegram(w.telegram).entries()].sort()).toEqual([
      [1, 1],
      [2, 1],
      [4, 1],
    ]);
    const text = String(w.telegram.callsOf("sendMessage")[0]?.params.text);
    expect(text).toContain("đăng ký đất đai trực tuyến");
    expect(text).toContain("/huydangky");
    expect(w.zalo.textsTo("z5")).toHaveLength(1);
    expect(w.zalo.textsTo("z5")[0]).toContain("/huydangky");
    expect(w.zalo.textsTo("z6")).toHaveLength(0);
    const done = await b.service.get(created.id);
    expect(done).toMatchObject({ status: "done", total: 4, counts: { sent: 4, failed: 0, blocked: 0 } });
    expect(b.report(done!)).toMatchObject({ remaining: 0, etaSeconds: null });
  });

  it("honours 429 retry_after: every send pauses, the refused one is sent again after the wait", async () => {
    for (let i = 1; i <= 6; i++) await w.addSubscriber(tg(i), ["reform"]);
    w.telegram.failNext("sendMessage", { kind: "429", retryAfter: 1 });
    const b = w.build({ inFlight: 3 });
    const created = await b.service.create({ text: "Lịch tiếp dân tháng 12." }, "api");
    await b.deliver(created.id);

    const calls = w.telegram.callsOf("sendMessage");
    const refused = calls.findIndex((c) => c.status === 429);
    expect(refused).toBeGreaterThanOrEqual(0);
    const after = calls.slice(refused + 1);
    // Sends already in flight when the 429 came may land; none starts within retry_after of it.
    const late = after.filter((c) => c.at - calls[refused]!.at >= 1000);
    const early = after.filter((c) => c.at - calls[refused]!.at < 1000);
    expect(early.length).toBeLessThanOrEqual(2);
    expect(late.length).toBeGreaterThan(0);
    const refusedChat = Number(calls[refused]!.params.chat_id);
    expect(late.some((c) => Number(c.params.chat_id) === refusedChat && c.status === 200)).toBe(true);
    expect([...deliveredTelegram(w.telegram).values()]).toEqual([1, 1, 1, 1, 1, 1]);
    expect((await b.service.get(created.id))?.counts).toMatchObject({ sent: 6, failed: 0 });
  });

  it("a 403 (bot blocked) marks the subscriber inactive; the next broadcast skips them", async () => {
    for (let i = 1; i <= 3; i++) await w.addSubscriber(tg(i), ["tax"]);
    w.telegram.blockChat(2);
    const b = w.build();
    const first = await b.service.create({ text: "Hộ kinh doanh nộp thuế điện tử." }, "api");
    await b.deliver(first.id);
    expect((await b.service.get(first.id))?.counts).toMatchObject({ sent: 2, blocked: 1 });
    const stored = await w.stores.versioned("subscribers").get(tg(2));
    expect(subscriber.parse(stored?.value)).toMatchObject({ active: false, inactiveReason: "blocked" });

    w.telegram.clear();
    const second = await b.service.create({ text: "Nhắc lại: nộp thuế điện tử." }, "api");
    await b.deliver(second.id);
    expect([...deliveredTelegram(w.telegram).keys()].sort()).toEqual([1, 3]);
    expect(w.telegram.callsOf("sendMessage").some((c) => Number(c.params.chat_id) === 2)).toBe(false);
    expect(await b.service.get(second.id)).toMatchObject({ total: 2, counts: { sent: 2, blocked: 0 } });
  });

  it("Zalo: outside the sending hours it waits and says so; over the monthly budget it reports, not drops", async () => {
    await w.addSubscriber(tg(1), ["schedule"]);
    for (const id of ["a", "b", "c"]) await w.addSubscriber(`zalo:${id}`, ["schedule"]);
    const now = Date.now();
    const vnMinute = Math.floor(((now + 7 * 3600_000) % 86_400_000) / 60_000);
    // A window that opens two minutes from now (Vietnam time): closed at the moment.
    const hours = { fromMinute: (vnMinute + 2) % 1440, toMinute: (vnMinute + 3) % 1440 };
    const b = w.build({
      settings: { telegramPerSecond: 100, zaloPerSecond: 100, zaloMonthlyBudget: 2, zaloHours: hours },
    });
    const created = await b.service.create({ text: "Giờ làm việc mới của bộ phận một cửa." }, "api");
    const end = await b.deliver(created.id);
    expect(end.kind).toBe("wait");
    const waiting = await b.service.get(created.id);
    expect(waiting).toMatchObject({ status: "waiting", deferred: 3, counts: { sent: 1 } });
    expect(b.report(waiting!).remaining).toBe(3);
    expect(w.zalo.callsOf("sendMessage")).toHaveLength(0);

    // When the hours open (here: allowed all day), the two the budget allows go, the third is reported.
    const open = w.build({
      settings: {
        telegramPerSecond: 100,
        zaloPerSecond: 100,
        zaloMonthlyBudget: 2,
        zaloHours: { fromMinute: 0, toMinute: 1440 },
      },
    });
    expect(await open.deliver(created.id)).toEqual({ kind: "done" });
    const done = await open.service.get(created.id);
    expect(done).toMatchObject({
      status: "done",
      counts: { sent: 3, failed: 1, reasons: { "zalo-budget": 1 } },
    });
    expect(w.zalo.callsOf("sendMessage").filter((c) => c.status === 200)).toHaveLength(2);
    expect(deliveredTelegram(w.telegram).get(1)).toBe(1);
  });

  it("the embedded runner delivers queued and scheduled broadcasts; cancelling stops one before it goes", async () => {
    for (let i = 1; i <= 3; i++) await w.addSubscriber(tg(i), ["reform"]);
    const b = w.build();
    await b.runner.start();
    await b.service.create({ text: "Thông báo gửi ngay." }, "api");
    const later = await b.service.create({ text: "Thông báo hẹn giờ.", at: Date.now() + 600 }, "api");
    const never = await b.service.create({ text: "Thông báo bị hủy.", at: Date.now() + 60_000 }, "api");
    expect(later.status).toBe("scheduled");
    expect((await b.service.cancel(never.id))?.status).toBe("cancelled");
    await w.telegram.waitFor((calls) => calls.filter((c) => c.method === "sendMessage").length >= 6, 5000);
    const texts = w.telegram.callsOf("sendMessage").map((c) => String(c.params.text));
    expect(texts.filter((t) => t.includes("gửi ngay"))).toHaveLength(3);
    expect(texts.filter((t) => t.includes("hẹn giờ"))).toHaveLength(3);
    const laterCall = w.telegram
      .callsOf("sendMessage")
      .find((c) => String(c.params.text).includes("hẹn giờ"));
    expect(laterCall).toBeDefined();
    expect((await b.service.get(later.id))?.startedAt ?? 0).toBeGreaterThanOrEqual(later.notBefore);
    expect(texts.some((t) => t.includes("bị hủy"))).toBe(false);
    for (let i = 0; i < 50 && (await b.service.unfinished()).length > 0; i++) await sleep(50);
    expect(await b.service.unfinished()).toEqual([]);
    expect((await b.service.get(later.id))?.counts.sent).toBe(3);
  });
});
