/**
 * The Telegram channel in webhook mode, end to end: updates POSTed to the real shared HTTP server
 * on loopback, replies arriving at the Bot API stand-in.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TelegramChannel } from "../../../src/channels/telegram/telegram-channel.ts";
import { SECRET_HEADER, TELEGRAM_WEBHOOK_PATH } from "../../../src/channels/telegram/webhook-route.ts";
import { createHttpServer, type HttpServer } from "../../../src/http/create-http-server.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "../../support/telegram-api-stand-in.ts";
import {
  buildChannel,
  captureLogs,
  createFakeAssistant,
  type LogCapture,
} from "../../support/telegram-harness.ts";
import { callbackUpdate, citizen, textUpdate } from "../../support/telegram-updates.ts";

const SECRET = "s3cret-webhook-token";
let api: TelegramApiStandIn;
let http: HttpServer;
let channel: TelegramChannel;
let logs: LogCapture;
let assistant: ReturnType<typeof createFakeAssistant>;
let url: string;
let nextUpdateId = 100;

beforeEach(async () => {
  api = await startTelegramApiStandIn();
  assistant = createFakeAssistant();
  http = createHttpServer({
    logger: captureLogs().logger,
    health: {
      catalogue: () => ({ procedures: 0, version: "test" }),
      storage: async () => true,
      channels: () => ({ telegram: channel.isUp() }),
    },
  });
  ({ channel, logs } = buildChannel({
    api,
    assistant,
    mode: "webhook",
    webhookSecret: SECRET,
    mountWebhook: (path, handler) => http.route("POST", path, handler),
  }));
  const { port } = await http.listen(0, "127.0.0.1");
  url = `http://127.0.0.1:${port}${TELEGRAM_WEBHOOK_PATH}`;
  await channel.start();
});

afterEach(async () => {
  await channel.stop(2_000);
  await http.close();
  await api.close();
});

/** `secret: null` sends no secret header at all. */
function post(body: unknown, secret: string | null = SECRET, raw?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== null) headers[SECRET_HEADER] = secret;
  return fetch(url, { method: "POST", headers, body: raw ?? JSON.stringify(body) });
}

const update = (body: object) => ({ update_id: nextUpdateId++, ...body });

describe("Telegram channel, webhook", () => {
  it("registers the public webhook URL with the secret and the command menu, and never polls", async () => {
    expect(api.calls.map((c) => c.method)).toEqual([
      "getMe",
      "setMyCommands",
      "setMyCommands",
      "setMyCommands",
      "setWebhook",
    ]);
    expect(api.callsOf("setWebhook")[0]?.params).toEqual({
      url: "https://bot.example.gov.vn/webhook/telegram",
      secret_token: SECRET,
      allowed_updates: ["message", "callback_query"],
    });
    const health = await fetch(url.replace(TELEGRAM_WEBHOOK_PATH, "/healthz")).then((r) => r.json());
    expect(health).toMatchObject({ channels: { telegram: true } });
  });

  it("handles an update with the right secret and answers 200 once the reply is sent", async () => {
    const response = await post(update(textUpdate("đăng ký kết hôn cần gì")));
    expect(response.status).toBe(200);
    expect(api.callsOf("sendMessage").map((c) => c.params)).toEqual([
      {
        chat_id: citizen.id,
        text: "Bạn hỏi: đăng ký kết hôn cần gì",
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
      },
    ]);
  });

  it("answers a callback query and the choice through the webhook", async () => {
    expect((await post(update(callbackUpdate("p:1.001193")))).status).toBe(200);
    expect(api.calls.slice(5).map((c) => c.method)).toEqual(["answerCallbackQuery", "sendMessage"]);
  });

  it("refuses forged calls (wrong, missing or differently sized secret) with 401 and processes nothing", async () => {
    for (const secret of ["wrong-secret-token!!", null, `${SECRET}x`, ""]) {
      const response = await post(update(textUpdate("giả mạo")), secret);
      expect(response.status, `secret ${JSON.stringify(secret)}`).toBe(401);
    }
    expect(assistant.events).toEqual([]);
    expect(api.calls.slice(5)).toEqual([]);
    expect(logs.lines.join("\n")).not.toContain("giả mạo");
    expect(
      logs.records().filter((r) => r.msg === "telegram webhook refused: wrong or missing secret token"),
    ).toHaveLength(4);
  });

  it("refuses a body that is not JSON or not an update with 400", async () => {
    expect((await post(undefined, SECRET, "{not json")).status).toBe(400);
    expect((await post({ message: { text: "không có update_id" } })).status).toBe(400);
    expect((await post({ update_id: "1" })).status).toBe(400);
    expect((await post([1, 2])).status).toBe(400);
    expect(assistant.events).toEqual([]);
  });

  it("answers 200 and ignores update kinds it does not serve", async () => {
    const response = await post(update({ edited_message: textUpdate("sửa").message }));
    expect(response.status).toBe(200);
    expect(assistant.events).toEqual([]);
    expect(api.calls.slice(5)).toEqual([]);
  });

  it("answers 503 once stopping, so Telegram delivers the update again later", async () => {
    await channel.stop();
    expect((await post(update(textUpdate("muộn")))).status).toBe(503);
    expect(assistant.events).toEqual([]);
  });
});

describe("Telegram channel, webhook, slow core", () => {
  it("answers Telegram 200 after the webhook time limit and still delivers the reply, in order", async () => {
    await channel.stop();
    await http.close();
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
      assistant,
      mode: "webhook",
      webhookSecret: SECRET,
      mountWebhook: (path, handler) => http.route("POST", path, handler),
      overrides: { webhookTimeoutMs: 200 },
    }));
    const { port } = await http.listen(0, "127.0.0.1");
    url = `http://127.0.0.1:${port}${TELEGRAM_WEBHOOK_PATH}`;
    await channel.start();
    api.clear();

    const started = performance.now();
    const slow = await post(update(textUpdate("chậm 600")));
    expect(slow.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(550);
    expect(api.callsOf("sendMessage")).toEqual([]);
    // Telegram moves on to the chat's next update; the lock keeps the replies in order.
    expect((await post(update(textUpdate("tiếp")))).status).toBe(200);
    const sent = await api.waitForCalls("sendMessage", 2);
    expect(sent.map((c) => c.params.text)).toEqual(["Bạn hỏi: chậm 600", "Bạn hỏi: tiếp"]);
    expect(logs.records()).toContainEqual(
      expect.objectContaining({ msg: "telegram webhook answered before the update was done" }),
    );
  });
});
