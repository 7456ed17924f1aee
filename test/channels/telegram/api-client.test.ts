/**
 * When the Bot API misbehaves: 429 with retry_after, 500, no answer at all. Driven through the
 * webhook (so each update's outcome is visible in its HTTP answer) against the stand-in.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { TelegramChannel } from "../../../src/channels/telegram/telegram-channel.ts";
import { SECRET_HEADER } from "../../../src/channels/telegram/webhook-route.ts";
import { createHttpServer, type HttpServer } from "../../../src/http/create-http-server.ts";
import { t } from "../../../src/locales/index.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "../../support/telegram-api-stand-in.ts";
import {
  buildChannel,
  captureLogs,
  createFakeAssistant,
  type LogCapture,
} from "../../support/telegram-harness.ts";
import { textUpdate } from "../../support/telegram-updates.ts";

const SECRET = "s3cret-webhook-token";
let api: TelegramApiStandIn;
let http: HttpServer;
let channel: TelegramChannel;
let logs: LogCapture;
let url: string;
let nextUpdateId = 1;

async function setUp(limits: {
  requestTimeoutMs?: number;
  maxRetryAttempts?: number;
  maxRetryDelaySeconds?: number;
}) {
  api = await startTelegramApiStandIn();
  http = createHttpServer({
    logger: captureLogs().logger,
    health: {
      catalogue: () => ({ procedures: 0, version: "t" }),
      storage: async () => true,
      channels: () => ({}),
    },
  });
  ({ channel, logs } = buildChannel({
    api,
    assistant: createFakeAssistant(),
    mode: "webhook",
    webhookSecret: SECRET,
    mountWebhook: (path, handler) => http.route("POST", path, handler),
    overrides: {
      limits: { requestTimeoutMs: 2_000, maxRetryAttempts: 2, maxRetryDelaySeconds: 5, ...limits },
      webhookTimeoutMs: 20_000,
    },
  }));
  const { port } = await http.listen(0, "127.0.0.1");
  url = `http://127.0.0.1:${port}/webhook/telegram`;
  await channel.start();
  api.clear();
}

afterEach(async () => {
  await channel.stop(1_000);
  await http.close();
  await api.close();
});

const ask = (text: string) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", [SECRET_HEADER]: SECRET },
    body: JSON.stringify({ update_id: nextUpdateId++, ...textUpdate(text) }),
  });

describe("Telegram channel when the Bot API misbehaves", () => {
  it("waits retry_after seconds after a 429 and then delivers the reply", async () => {
    await setUp({});
    api.failNext("sendMessage", { kind: "429", retryAfter: 1 });
    expect((await ask("lệ phí khai sinh")).status).toBe(200);
    const sends = api.callsOf("sendMessage");
    expect(sends).toHaveLength(2);
    expect(sends[1]?.params.text).toBe("Bạn hỏi: lệ phí khai sinh");
    const waited = (sends[1]?.at ?? 0) - (sends[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(990);
    expect(waited).toBeLessThan(2_500);
    expect(logs.records()).toContainEqual(
      expect.objectContaining({
        msg: "telegram api call failed",
        method: "sendMessage",
        errorCode: 429,
        retryAfter: 1,
      }),
    );
  });

  it("gives up on a 429 that asks to wait longer than allowed, logs it, and serves the next update", async () => {
    await setUp({ maxRetryDelaySeconds: 5 });
    api.failNext("sendMessage", { kind: "429", retryAfter: 3600 });
    const started = performance.now();
    expect((await ask("hỏi 1")).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);
    // No apology either: the API just said to wait, so sending more would not help.
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect(logs.records()).toContainEqual(
      expect.objectContaining({
        msg: "telegram update failed",
        err: expect.objectContaining({ errorCode: 429 }),
      }),
    );
    expect((await ask("hỏi 2")).status).toBe(200);
    expect(api.callsOf("sendMessage").at(-1)?.params.text).toBe("Bạn hỏi: hỏi 2");
  });

  it("retries a 500 after a back-off and delivers the reply", { timeout: 15_000 }, async () => {
    await setUp({});
    api.failNext("sendMessage", { kind: "500" });
    expect((await ask("thời gian giải quyết")).status).toBe(200);
    const sends = api.callsOf("sendMessage");
    expect(sends).toHaveLength(2);
    expect(sends[1]?.params.text).toBe("Bạn hỏi: thời gian giải quyết");
    // auto-retry's first back-off is 3 s.
    expect((sends[1]?.at ?? 0) - (sends[0]?.at ?? 0)).toBeGreaterThanOrEqual(2_900);
  });

  it("stops retrying a Bot API that keeps answering 500 (bounded attempts)", {
    timeout: 15_000,
  }, async () => {
    await setUp({ maxRetryAttempts: 1 });
    api.failNext("sendMessage", { kind: "500" }, 10);
    expect((await ask("hỏi")).status).toBe(200);
    expect(api.callsOf("sendMessage")).toHaveLength(2);
    expect(logs.records()).toContainEqual(
      expect.objectContaining({
        msg: "telegram update failed",
        err: expect.objectContaining({ errorCode: 500 }),
      }),
    );
  });

  it("times out a Bot API call that never answers, without retrying it, and carries on", async () => {
    await setUp({ requestTimeoutMs: 500 });
    api.failNext("sendMessage", { kind: "hang" });
    const started = performance.now();
    expect((await ask("hỏi khi API treo")).status).toBe(200);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(450);
    expect(took).toBeLessThan(2_000);
    // One attempt, and no apology attempt while the API does not answer.
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect(logs.records()).toContainEqual(
      expect.objectContaining({
        msg: "telegram update failed",
        err: expect.objectContaining({ name: "HttpError" }),
      }),
    );
    expect((await ask("hỏi sau")).status).toBe(200);
    expect(api.callsOf("sendMessage").at(-1)?.params.text).toBe("Bạn hỏi: hỏi sau");
  });

  it("answers a slow Bot API within the time limit normally", async () => {
    await setUp({ requestTimeoutMs: 2_000 });
    api.failNext("sendMessage", { kind: "slow", ms: 300 });
    expect((await ask("chậm mà chắc")).status).toBe(200);
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect(logs.records().filter((r) => r.level === 50)).toEqual([]);
  });

  it("falls back to plain text if Telegram refuses the HTML, and apologises after a 400 it cannot fix", async () => {
    await setUp({});
    api.failNext("sendMessage", {
      kind: "refuse",
      code: 400,
      description: "Bad Request: can't parse entities: unexpected end tag",
    });
    expect((await ask("a < b")).status).toBe(200);
    const sends = api.callsOf("sendMessage");
    expect(sends.map((c) => c.params)).toEqual([
      expect.objectContaining({ text: "Bạn hỏi: a &lt; b", parse_mode: "HTML" }),
      { chat_id: expect.any(Number), text: "Bạn hỏi: a < b", link_preview_options: { is_disabled: true } },
    ]);

    api.clear();
    api.failNext("sendMessage", {
      kind: "refuse",
      code: 400,
      description: "Bad Request: message is too long",
    });
    expect((await ask("hỏi")).status).toBe(200);
    expect(api.callsOf("sendMessage").map((c) => c.params.text)).toEqual([
      "Bạn hỏi: hỏi",
      t("vi", "error.generic"),
    ]);
  });

  it("does not retry or apologise to a citizen who blocked the bot (403)", async () => {
    await setUp({});
    api.failNext("sendMessage", {
      kind: "refuse",
      code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    expect((await ask("hỏi")).status).toBe(200);
    expect(api.callsOf("sendMessage")).toHaveLength(1);
    expect(logs.records()).toContainEqual(
      expect.objectContaining({
        msg: "telegram update failed",
        err: expect.objectContaining({ errorCode: 403 }),
      }),
    );
  });

  it("fails start-up clearly when the Bot API is unreachable", async () => {
    await setUp({});
    await channel.stop();
    await api.close();
    const dead = buildChannel({
      api,
      assistant: createFakeAssistant(),
      overrides: { limits: { requestTimeoutMs: 500, maxRetryAttempts: 1, maxRetryDelaySeconds: 1 } },
    });
    await expect(dead.channel.start()).rejects.toThrow(/deleteWebhook/);
    api = await startTelegramApiStandIn();
  });
});
