import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createZaloClient } from "../../../src/channels/zalo/client.ts";
import { PollerConflictError } from "../../../src/channels/zalo/poller.ts";
import { t } from "../../../src/locales/index.ts";
import { startZaloApiStandIn, type ZaloApiStandIn } from "../../support/zalo-api-stand-in.ts";
import {
  buildZaloChannel,
  createFakeAssistant,
  type LogCapture,
  startWebhookServer,
  until,
  WEBHOOK_SECRET,
} from "../../support/zalo-harness.ts";
import { zaloText, zaloUpdate } from "../../support/zalo-updates.ts";

const CHAT = "6ae4f1c2b3d4e5f60718";
const HINT = t("vi", "choice.hint", { max: 2 });

let api: ZaloApiStandIn;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  api = await startZaloApiStandIn({ maxPollWaitMs: 100 });
  cleanups.push(() => api.close());
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function expectCleanLogs(logs: LogCapture, secrets: string[]) {
  const all = logs.lines.join("\n");
  for (const secret of secrets) expect(all).not.toContain(secret);
}

describe("Zalo channel, webhook mode (end to end)", () => {
  async function setup() {
    const server = await startWebhookServer();
    cleanups.push(server.close);
    const assistant = createFakeAssistant();
    const { channel, logs } = buildZaloChannel({ api, assistant, mode: "webhook", server });
    await server.listen();
    await channel.start();
    cleanups.push(() => channel.stop());
    return { server, assistant, channel, logs };
  }

  it("registers PUBLIC_URL/webhook/zalo with the secret; Zalo's empty probe gets 200", async () => {
    const { server } = await setup();
    expect(api.webhook).toEqual({ url: `${server.url}/webhook/zalo`, secret: WEBHOOK_SECRET });
    const register = api.callsOf("setWebhook")[0];
    expect(register?.status).toBe(200);
    // The stand-in probed the URL with an empty body, as the real server's verification does.
    expect(await api.deliver(undefined)).toMatchObject({ status: 200 });
    expect(api.callsOf("getUpdates")).toHaveLength(0);
  });

  it("answers a wrapped text update with numbered choices and the hint", async () => {
    const { assistant } = await setup();
    const answer = await api.deliver(zaloText(CHAT, "lam giay khai sinh can gi"));
    expect(answer.status).toBe(200);
    await api.waitFor(() => api.textsTo(CHAT).length === 1);
    expect(api.textsTo(CHAT)[0]).toBe(
      `Bạn hỏi: lam giay khai sinh can gi\n\n1. Đăng ký khai sinh\n2. Đăng ký kết hôn\n${HINT}`,
    );
    expect(assistant.events[0]).toMatchObject({
      kind: "text",
      address: `zalo:${CHAT}`,
      userId: CHAT,
      text: "lam giay khai sinh can gi",
    });
  });

  it("accepts the flat body seen live", async () => {
    const { assistant } = await setup();
    expect((await api.deliver(zaloText(CHAT, "cccd"), { wrapped: false })).status).toBe(200);
    await api.waitFor(() => api.textsTo(CHAT).length === 1);
    expect(assistant.events.map((e) => e.kind)).toEqual(["text"]);
  });

  it("reads images from photo_url and turns sticker, voice and unsupported into unsupported events", async () => {
    const { assistant } = await setup();
    const deliveries = [
      zaloUpdate("message.image.received", CHAT, {
        photo_url: "https://photo-stal-1.zadn.vn/abc.jpg",
        message_type: "CHAT_PHOTO",
        caption: "giấy này là gì",
      }),
      zaloUpdate("message.sticker.received", CHAT, {
        sticker: "0e078a2fb66a5f34067b",
        url: "https://s.zadn.vn/s.png",
      }),
      zaloUpdate("message.voice.received", CHAT, {
        voice_url: "https://v.zadn.vn/a.aac",
        message_type: "CHAT_VOICE",
      }),
      zaloUpdate("message.unsupported.received", CHAT),
    ];
    for (const update of deliveries) expect((await api.deliver(update)).status).toBe(200);
    await api.waitFor(() => api.textsTo(CHAT).length === 4);
    expect(api.textsTo(CHAT)).toEqual([
      "Ảnh: https://photo-stal-1.zadn.vn/abc.jpg",
      "Chưa hỗ trợ: sticker",
      "Chưa hỗ trợ: voice",
      "Chưa hỗ trợ: other",
    ]);
    expect(assistant.events[0]).toMatchObject({ kind: "photo", caption: "giấy này là gì" });
  });

  it("ignores an unknown event name with 200, and keeps working", async () => {
    const { assistant, logs } = await setup();
    expect((await api.deliver(zaloUpdate("user.follow", CHAT))).status).toBe(200);
    expect(
      (await api.deliver(zaloUpdate("message.reaction.received", CHAT, { reaction: "like" }))).status,
    ).toBe(200);
    await api.deliver(zaloText(CHAT, "xin chào"));
    await api.waitFor(() => api.textsTo(CHAT).length === 1);
    expect(assistant.events).toHaveLength(1);
    expect(logs.records().filter((r) => r.msg === "zalo update ignored")).toHaveLength(2);
  });

  it("drops a redelivery of the same event and message id", async () => {
    const { assistant } = await setup();
    const update = zaloText(CHAT, "lệ phí sang tên sổ đỏ", "0123456789abcdef0123");
    expect((await api.deliver(update)).status).toBe(200);
    expect((await api.deliver(update, { wrapped: false })).status).toBe(200);
    await api.deliver(zaloText(CHAT, "cảm ơn"));
    await api.waitFor(() => api.textsTo(CHAT).length === 2);
    expect(assistant.events.map((e) => (e.kind === "text" ? e.text : e.kind))).toEqual([
      "lệ phí sang tên sổ đỏ",
      "cảm ơn",
    ]);
  });

  it("refuses a forged or missing secret with 403 and processes nothing", async () => {
    const { assistant, logs } = await setup();
    const forged = await api.deliver(zaloText(CHAT, "giả mạo"), { secret: "zalo-webhook-Secret_0123456788" });
    const missing = await api.deliver(zaloText(CHAT, "giả mạo"), { secret: null });
    const empty = await api.deliver(zaloText(CHAT, "giả mạo"), { secret: "" });
    expect([forged.status, missing.status, empty.status]).toEqual([403, 403, 403]);
    await api.deliver(zaloText(CHAT, "thật"));
    await api.waitFor(() => api.textsTo(CHAT).length === 1);
    expect(assistant.events.map((e) => (e.kind === "text" ? e.text : ""))).toEqual(["thật"]);
    expect(logs.records().filter((r) => String(r.msg).includes("wrong or missing secret"))).toHaveLength(3);
  });

  it("refuses an oversized body with 413, and non-JSON, bad JSON and malformed updates", async () => {
    const { assistant } = await setup();
    const huge = zaloText(CHAT, "a ".repeat(40_000));
    expect((await api.deliver(huge)).status).toBe(413);
    expect(
      (await api.deliver(undefined, { rawBody: "chat_id=1&text=x", contentType: "text/plain" })).status,
    ).toBe(415);
    expect((await api.deliver(undefined, { rawBody: "{not json" })).status).toBe(400);
    expect((await api.deliver(undefined, { rawBody: '{"event_name":"message.text.received"}' })).status).toBe(
      400,
    );
    expect((await api.deliver(undefined, { method: "GET" })).status).toBe(404);
    await api.deliver(zaloText(CHAT, "sau cùng"));
    await api.waitFor(() => api.textsTo(CHAT).length === 1);
    expect(assistant.events).toHaveLength(1);
  });

  it("answers 200 at once and does the work afterwards", async () => {
    const { assistant } = await setup();
    const release = assistant.hold();
    const answer = await api.deliver(zaloText(CHAT, "đăng ký thường trú"));
    expect(answer.status).toBe(200);
    expect(assistant.events).toHaveLength(1);
    expect(api.textsTo(CHAT)).toHaveLength(0);
    release();
    await api.waitFor(() => api.textsTo(CHAT).length === 1);
  });

  it("keeps each chat's replies in arrival order", async () => {
    await setup();
    await api.deliver(zaloText(CHAT, "chậm 150"));
    await api.deliver(zaloText(CHAT, "nhanh"));
    await api.waitFor(() => api.textsTo(CHAT).length === 2);
    expect(api.textsTo(CHAT).map((text) => text.split("\n")[0])).toEqual([
      "Bạn hỏi: chậm 150",
      "Bạn hỏi: nhanh",
    ]);
  });

  it("apologises in Vietnamese when the core fails", async () => {
    await setup();
    await api.deliver(zaloText(CHAT, "gây lỗi"));
    await api.waitFor(() => api.textsTo(CHAT).length === 1);
    expect(api.textsTo(CHAT)[0]).toBe(t("vi", "error.generic"));
  });

  it("logs a failed send (quota, HTML 429) without losing the next message", async () => {
    const { logs } = await setup();
    api.failNext("sendMessage", { kind: "html429" });
    await api.deliver(zaloText(CHAT, "một"));
    await until(() => logs.records().some((r) => String(r.msg).includes("quota exceeded")));
    await api.deliver(zaloText(CHAT, "hai"));
    await api.waitFor(() => api.textsTo(CHAT).length === 1);
    expect(api.textsTo(CHAT)[0]?.startsWith("Bạn hỏi: hai")).toBe(true);
  });

  it("shows typing only when the answer takes longer than typingAfterMs", async () => {
    const server = await startWebhookServer();
    cleanups.push(server.close);
    const { channel } = buildZaloChannel({
      api,
      assistant: createFakeAssistant(),
      mode: "webhook",
      server,
      overrides: { typingAfterMs: 100 },
    });
    await server.listen();
    await channel.start();
    cleanups.push(() => channel.stop());
    await api.deliver(zaloText(CHAT, "nhanh"));
    await api.waitFor(() => api.textsTo(CHAT).length === 1);
    expect(api.callsOf("sendChatAction")).toHaveLength(0);
    await api.deliver(zaloText(CHAT, "chậm 300"));
    await api.waitFor(() => api.textsTo(CHAT).length === 2);
    expect(api.callsOf("sendChatAction").map((c) => c.params)).toEqual([{ chat_id: CHAT, action: "typing" }]);
  });

  it("writes the hint and the apology in the language the citizen chose (the core's prefs)", async () => {
    const server = await startWebhookServer();
    cleanups.push(server.close);
    const prefs = new Map<string, unknown>([
      [`zalo:${CHAT}`, { locale: "en" }],
      ["zalo:other-chat", { locale: "klingon" }],
    ]);
    const { channel } = buildZaloChannel({
      api,
      assistant: createFakeAssistant(),
      mode: "webhook",
      server,
      overrides: {
        prefs: { get: async (k) => prefs.get(k), set: async () => {}, delete: async () => {} },
      },
    });
    await server.listen();
    await channel.start();
    cleanups.push(() => channel.stop());
    await api.deliver(zaloText(CHAT, "hello"));
    await api.deliver(zaloText(CHAT, "gây lỗi"));
    await api.deliver(zaloText("other-chat", "xin chào"));
    await api.waitFor(() => api.textsTo(CHAT).length === 2 && api.textsTo("other-chat").length === 1);
    expect(api.textsTo(CHAT)[0]?.endsWith(`\n${t("en", "choice.hint", { max: 2 })}`)).toBe(true);
    expect(api.textsTo(CHAT)[1]).toBe(t("en", "error.generic"));
    // An unreadable preference falls back to the default language.
    expect(api.textsTo("other-chat")[0]?.endsWith(`\n${HINT}`)).toBe(true);
  });

  it("never logs the token, the secret or the citizen's words at info level", async () => {
    const { logs } = await setup();
    api.failNext("sendMessage", {
      kind: "error",
      httpStatus: 500,
      errorCode: "500",
      description: `proxy error /bot${api.token}/sendMessage`,
    });
    await api.deliver(zaloText(CHAT, "số điện thoại 0912345678"));
    await api.deliver(zaloText(CHAT, "gây lỗi"));
    await api.deliver(zaloText(CHAT, "x"), { secret: "wrong-secret-value" });
    await api.waitFor(() => api.textsTo(CHAT).length === 1);
    await until(() => logs.records().some((r) => r.msg === "zalo reply not delivered"));
    expectCleanLogs(logs, [api.token, api.token.split(":")[1] ?? "", WEBHOOK_SECRET, "0912345678", CHAT]);
  });

  it("answers 503 once stopped", async () => {
    const { channel, assistant } = await setup();
    await channel.stop();
    expect((await api.deliver(zaloText(CHAT, "muộn"))).status).toBe(503);
    expect(assistant.events).toHaveLength(0);
  });
});

describe("Zalo channel, polling mode (end to end)", () => {
  function setup(overrides: Parameters<typeof buildZaloChannel>[0]["overrides"] = {}) {
    const assistant = createFakeAssistant();
    const { channel, logs } = buildZaloChannel({ api, assistant, mode: "polling", overrides });
    cleanups.push(() => channel.stop());
    return { assistant, channel, logs };
  }

  it("removes a webhook first, then answers updates one per getUpdates", async () => {
    api.pushUpdate(zaloText(CHAT, "cấp lại căn cước"));
    api.pushUpdate(zaloText(CHAT, "1"));
    const { channel, assistant } = setup();
    // A webhook left over from production: getUpdates does not work until it is removed.
    await createZaloClient({ token: api.token, apiRoot: api.apiRoot }).setWebhook({
      url: "http://127.0.0.1:9/webhook/zalo",
      secretToken: WEBHOOK_SECRET,
    });
    await channel.start();
    expect(channel.isUp()).toBe(true);
    await api.waitFor(() => api.textsTo(CHAT).length === 2);
    const order = api.calls.map((c) => c.method).filter((m) => m === "deleteWebhook" || m === "getUpdates");
    expect(order[0]).toBe("deleteWebhook");
    expect(assistant.events.map((e) => (e.kind === "text" ? e.text : ""))).toEqual(["cấp lại căn cước", "1"]);
  });

  it.each(["http408", "string408", "emptyResult"] as const)(
    "treats empty polls answered as %s as nothing new (no back-off, no warning)",
    async (style) => {
      api.emptyPoll = style;
      const { channel, logs } = setup();
      await channel.start();
      await api.waitForCalls("getUpdates", 3, 3000);
      api.pushUpdate(zaloText(CHAT, "giờ làm việc"));
      await api.waitFor(() => api.textsTo(CHAT).length === 1);
      expect(logs.records().filter((r) => (r.level as number) >= 40)).toEqual([]);
    },
  );

  it("backs off on errors (HTML 429, string codes, 500) and recovers", async () => {
    api.failNext("getUpdates", { kind: "html429" });
    api.failNext("getUpdates", { kind: "error", httpStatus: 200, errorCode: "500", description: "Internal" });
    api.failNext("getUpdates", {
      kind: "error",
      httpStatus: 502,
      errorCode: 502,
      description: "Bad gateway",
    });
    api.pushUpdate(zaloText(CHAT, "sau lỗi"));
    const { channel, logs } = setup();
    const started = performance.now();
    await channel.start();
    await api.waitFor(() => api.textsTo(CHAT).length === 1, 5000);
    // Back-off of 40, 80 and 160 ms (plus up to 20 % jitter) before the fourth poll.
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    const warnings = logs.records().filter((r) => r.msg === "zalo getUpdates failed; retrying");
    expect(warnings.map((r) => r.failures)).toEqual([1, 2, 3]);
  });

  it("ignores unknown and malformed updates and keeps polling", async () => {
    api.pushUpdate(zaloUpdate("user.unfollow", CHAT));
    api.pushUpdate({ event_name: "message.text.received" } as never);
    api.pushUpdate(zaloText(CHAT, "vẫn chạy"));
    const { channel, assistant } = setup();
    await channel.start();
    await api.waitFor(() => api.textsTo(CHAT).length === 1);
    expect(assistant.events).toHaveLength(1);
  });

  it("runs one poller per token in a process", async () => {
    const first = setup();
    await first.channel.start();
    const second = setup();
    await expect(second.channel.start()).rejects.toBeInstanceOf(PollerConflictError);
    await first.channel.stop();
    await second.channel.start();
    expect(second.channel.isUp()).toBe(true);
  });

  it("stops at once, even in the middle of a long poll", async () => {
    await api.close();
    api = await startZaloApiStandIn({ maxPollWaitMs: 20_000 });
    cleanups.push(() => api.close());
    const { channel } = setup();
    await channel.start();
    await api.waitForCalls("getUpdates", 1);
    const stopping = performance.now();
    await channel.stop();
    expect(performance.now() - stopping).toBeLessThan(1000);
    expect(channel.isUp()).toBe(false);
  });

  it("refuses to start with a token Zalo does not accept", async () => {
    const assistant = createFakeAssistant();
    const wrong = { ...api, token: "1459232241454765289:not-the-right-token" } as ZaloApiStandIn;
    const { channel, logs } = buildZaloChannel({ api: wrong, assistant, mode: "polling" });
    await expect(channel.start()).rejects.toThrow(/ZALO_BOT_TOKEN/);
    expectCleanLogs(logs, ["not-the-right-token"]);
  });
});
