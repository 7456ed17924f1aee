import { describe, expect, it } from "vitest";
import { createAssistant } from "../../src/core/assistant.ts";
import type { Reply } from "../../src/core/model.ts";
import { t } from "../../src/locales/index.ts";
import {
  ADDRESS,
  fakeSearch,
  fixtureCatalogue,
  harness,
  lastChoices,
  memoryStores,
  replyText,
  silentLogger,
  standardRules,
  TestClock,
} from "./support.ts";

describe("createAssistant", () => {
  it("welcomes on /start with the menu and the locality's name", async () => {
    const h = harness();
    const replies = await h.send({ kind: "start" });
    expect(replyText(replies)).toContain(
      "Xin chào! Tôi là trợ lý hỏi thủ tục hành chính của Phường Mẫu (ví dụ).",
    );
    expect(lastChoices(replies).map((choice) => choice.id)).toEqual([
      "m:lookup",
      "m:feedback",
      "m:subscribe",
      "m:contact",
    ]);
  });

  it("answers a question with the card led by the aspect, and offers the checklist, the bundle and 👍/👎", async () => {
    const h = harness();
    const replies = await h.send({ kind: "text", text: "lệ phí khai sinh bao nhiêu?" });
    const text = replyText(replies);
    expect(text.indexOf("Lệ phí")).toBeLessThan(text.indexOf("Giấy tờ cần mang"));
    expect(text).toContain("Mã thủ tục: 1.001193");
    expect(text).toContain("Có thủ tục liên thông làm cùng lúc nhiều việc");
    expect(lastChoices(replies).map((choice) => choice.id)).toEqual([
      "ck:1.001193",
      "p:3.000722:r",
      "v:u:1.001193",
      "v:d:1.001193",
    ]);
  });

  it("asks which procedure was meant, with the candidates that exist, and keeps the aspect for the pick", async () => {
    const h = harness();
    const replies = await h.send({ kind: "text", text: "giấy tờ" });
    expect(replyText(replies)).toContain("Bạn muốn hỏi thủ tục nào?");
    expect(lastChoices(replies).map((choice) => choice.id)).toEqual([
      "p:1.001193:c",
      "p:1.004222:c",
      "p:1.000656:c",
    ]);
    const picked = await h.send({ kind: "text", text: "2" });
    const text = replyText(picked);
    expect(text).toContain("Mã thủ tục: 1.004222");
    expect(text.indexOf("Thời gian giải quyết")).toBeLessThan(text.indexOf("Giấy tờ cần mang"));
    await h.send({ kind: "choice", choiceId: "v:u:1.004222" });
    expect(h.stores.votes.items).toEqual([
      {
        at: new Date(h.clock.now()).toISOString(),
        code: "1.004222",
        vote: "up",
        decision: "clarify",
        score: 3.1,
      },
    ]);
  });

  it("says when nothing fits, with a tip, the hotline and feedback, and logs the question without personal data", async () => {
    const h = harness();
    const replies = await h.send({
      kind: "text",
      text: "con mèo nhà tôi bị lạc, gọi 0912 345 678 hoặc a.b@gmail.com",
    });
    const text = replyText(replies);
    expect(text).toContain("Xin lỗi, tôi chưa tìm được thủ tục phù hợp");
    expect(text).toContain("1900 0000 00");
    expect(lastChoices(replies)).toEqual([{ id: "m:feedback", label: "Gửi góp ý cho cơ quan" }]);
    expect(h.stores.unanswered.items).toHaveLength(1);
    const entry = h.stores.unanswered.items[0];
    expect(entry?.question).toBe("con mèo nhà tôi bị lạc, gọi [phone] hoặc [email]");
    expect(entry?.addressHash).toMatch(/^[0-9a-f]{16}$/);
    expect(entry?.addressHash).not.toContain("local");
    const choice = await h.send({ kind: "choice", choiceId: "m:feedback" });
    expect(replyText(choice)).toContain("Tính năng này sắp có");
  });

  it("records a vote once per answer with the search's decision and score", async () => {
    const h = harness();
    await h.send({ kind: "text", text: "đăng ký khai sinh" });
    await h.send({ kind: "choice", choiceId: "v:d:1.001193" });
    await h.send({ kind: "choice", choiceId: "v:d:1.001193" });
    expect(h.stores.votes.items).toEqual([
      expect.objectContaining({ code: "1.001193", vote: "down", decision: "answer", score: 11 }),
    ]);
  });

  it("keeps a checklist across a new assistant over the same stores, and answers 'còn thiếu gì'", async () => {
    const clock = new TestClock();
    const stores = memoryStores(clock);
    const first = harness({ clock, stores });
    await first.send({ kind: "text", text: "khai sinh" });
    const opened = await first.send({ kind: "choice", choiceId: "ck:1.001193" });
    expect(lastChoices(opened)[0]?.id).toBe("tk:1.001193:0:0");
    await first.send({ kind: "choice", choiceId: "tk:1.001193:0:3" });
    expect(stores.checklists.ttlOf(ADDRESS)).toBe(30 * 24 * 60 * 60 * 1000);

    clock.advance(3 * 24 * 60 * 60 * 1000);
    const second = harness({ clock, stores });
    const missing = await second.send({ kind: "text", text: "còn thiếu gì" });
    const text = replyText(missing);
    expect(text).toContain("Còn thiếu:");
    expect(text).not.toContain("Giấy chứng sinh");
    expect(text).toContain("Văn bản ủy quyền");
    const list = await second.send({ kind: "command", command: "hoso", args: "" });
    const birth = fixtureCatalogue().byCode.get("1.001193");
    const total = birth?.cases[0]?.papers.length ?? 0;
    expect(replyText(list)).toContain(`Thủ tục đăng ký khai sinh: còn thiếu ${total - 1}/${total}`);
  });

  it("forgets a checklist after 30 days", async () => {
    const h = harness();
    await h.send({ kind: "choice", choiceId: "ck:1.001193" });
    h.clock.advance(31 * 24 * 60 * 60 * 1000);
    expect(replyText(await h.send({ kind: "command", command: "hoso", args: "" }))).toContain(
      "Bạn chưa có hồ sơ nào đang chuẩn bị",
    );
  });

  it("switches to English with /lang and remembers it", async () => {
    const h = harness();
    const asked = await h.send({ kind: "command", command: "lang", args: "" });
    expect(lastChoices(asked).map((choice) => choice.id)).toEqual(["l:vi", "l:en"]);
    expect(replyText(await h.send({ kind: "text", text: "2" }))).toBe("Switched to English.");
    expect(replyText(await h.send({ kind: "start" }))).toContain(
      "Hello! I am the administrative procedures assistant",
    );
    expect(replyText(await h.send({ kind: "command", command: "lang", args: "vi" }))).toBe(
      "Đã chuyển sang tiếng Việt.",
    );
  });

  it("answers politely when a citizen sends too fast, once per window, then again after it", async () => {
    const h = harness({ settings: { rateLimit: { max: 3, windowMs: 60_000 } } });
    for (let i = 0; i < 3; i++)
      expect(replyText(await h.send({ kind: "text", text: "khai sinh" }))).toContain("1.001193");
    expect(replyText(await h.send({ kind: "text", text: "khai sinh" }))).toBe(t("vi", "rateLimit"));
    expect(await h.send({ kind: "text", text: "khai sinh" })).toEqual([]);
    h.clock.advance(60_000);
    expect(replyText(await h.send({ kind: "text", text: "khai sinh" }))).toContain("1.001193");
  });

  it("forgets the conversation after inactivity but not the language", async () => {
    const h = harness({ settings: { conversationTtlMs: 60_000 } });
    await h.send({ kind: "command", command: "lang", args: "en" });
    await h.send({ kind: "text", text: "giấy tờ" });
    h.clock.advance(61_000);
    const replies = await h.send({ kind: "text", text: "2" });
    expect(replyText(replies)).toContain("Sorry, I could not find a procedure");
  });

  it("answers with the generic error, in the citizen's language, when something breaks, and logs it", async () => {
    const clock = new TestClock();
    const stores = memoryStores(clock);
    const errors: unknown[] = [];
    const logger = silentLogger.child({});
    logger.error = ((obj: unknown) => {
      errors.push(obj);
    }) as typeof logger.error;
    const assistant = createAssistant({
      catalogue: fixtureCatalogue,
      search: () => ({
        search() {
          throw new Error("index broken");
        },
      }),
      stores,
      clock,
      logger: { ...silentLogger, child: () => logger } as unknown as typeof silentLogger,
    });
    await stores.prefs.set(ADDRESS, { locale: "en" });
    const replies = await assistant.handle({
      kind: "text",
      text: "khai sinh",
      address: ADDRESS,
      userId: "1",
      receivedAt: 0,
    });
    expect(replyText(replies)).toBe(t("en", "error.generic"));
    expect(errors).toHaveLength(1);
  });

  it("uses the current catalogue and search on every event (hot reload), and answers a gone procedure sensibly", async () => {
    const clock = new TestClock();
    const stores = memoryStores(clock);
    let catalogue = fixtureCatalogue();
    const assistant = createAssistant({
      catalogue: () => catalogue,
      search: () => fakeSearch(standardRules),
      stores,
      clock,
      logger: silentLogger,
    });
    const send = (choiceId: string): Promise<Reply[]> =>
      assistant.handle({ kind: "choice", choiceId, address: ADDRESS, userId: "1", receivedAt: 0 });
    expect(replyText(await send("p:1.004222"))).toContain("Mã thủ tục: 1.004222");
    catalogue = {
      ...catalogue,
      byCode: new Map([...catalogue.byCode].filter(([code]) => code !== "1.004222")),
    };
    expect(replyText(await send("p:1.004222"))).toBe(t("vi", "procedure.gone"));
    expect(replyText(await send("ck:1.004222:3"))).toBe(t("vi", "procedure.gone"));
  });

  it("orders events per address through the lock when one is given", async () => {
    const clock = new TestClock();
    const order: string[] = [];
    const assistant = createAssistant({
      catalogue: fixtureCatalogue,
      search: () => fakeSearch(standardRules),
      stores: memoryStores(clock),
      clock,
      logger: silentLogger,
      lock: {
        async run(address, work) {
          order.push(`lock ${address}`);
          const result = await work();
          order.push(`unlock ${address}`);
          return result;
        },
      },
    });
    await assistant.handle({ kind: "start", address: "zalo:abc", userId: "abc", receivedAt: 0 });
    expect(order).toEqual(["lock zalo:abc", "unlock zalo:abc"]);
  });
});
