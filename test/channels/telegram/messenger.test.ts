/** The Telegram messenger against the Bot API stand-in: what arrives, and how each failure is typed. */
import { Bot } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramMessenger, telegramChatId } from "../../../src/channels/telegram/messenger.ts";
import { DeliveryError } from "../../../src/core/delivery-error.ts";
import type { Messenger } from "../../../src/core/ports.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "../../support/telegram-api-stand-in.ts";
import { captureLogs } from "../../support/telegram-harness.ts";

let api: TelegramApiStandIn;
let messenger: Messenger;
const replies = [
  {
    kind: "message" as const,
    blocks: [{ kind: "paragraph" as const, text: "Phản ánh <PA-2611-0001> đã có trả lời" }],
  },
];

beforeEach(async () => {
  api = await startTelegramApiStandIn();
  const bot = new Bot(api.token, { botInfo: api.botInfo as never, client: { apiRoot: api.apiRoot } });
  messenger = createTelegramMessenger(bot.api, captureLogs().logger);
});
afterEach(async () => {
  await api.close();
});

async function failure(): Promise<DeliveryError> {
  const error = await messenger.send("telegram:5550001", replies).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe("Telegram messenger", () => {
  it("sends to a private chat and to a group, as escaped HTML", async () => {
    await messenger.send("telegram:5550001", replies);
    await messenger.send("telegram:-1004000001", replies);
    const sent = api.callsOf("sendMessage").map((c) => c.params);
    expect(sent.map((p) => p.chat_id)).toEqual([5550001, -1004000001]);
    expect(sent[0]?.text).toBe("Phản ánh &lt;PA-2611-0001&gt; đã có trả lời");
  });

  it("says the recipient blocked the bot on 403", async () => {
    api.failNext("sendMessage", {
      kind: "refuse",
      code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    const error = await failure();
    expect(error.failure).toBe("blocked");
    expect(error.blocked).toBe(true);
    expect(error.code).toBe(403);
  });

  it("says when to retry on 429, with Telegram's retry_after", async () => {
    api.failNext("sendMessage", { kind: "429", retryAfter: 7 });
    const error = await failure();
    expect(error.failure).toBe("retry");
    expect(error.retryAfterMs).toBe(7_000);
  });

  it("says retry on a server error and when Telegram cannot be reached", async () => {
    api.failNext("sendMessage", { kind: "500" });
    expect((await failure()).failure).toBe("retry");
    await api.close();
    expect((await failure()).failure).toBe("retry");
    api = await startTelegramApiStandIn();
  });

  it("says final on a bad request and for an address that is not Telegram's", async () => {
    api.failNext("sendMessage", { kind: "refuse", code: 400, description: "Bad Request: chat not found" });
    expect((await failure()).failure).toBe("final");
    const error = await messenger.send("zalo:abc", replies).catch((e: unknown) => e);
    expect((error as DeliveryError).failure).toBe("final");
    expect(telegramChatId("telegram:12abc" as never)).toBeUndefined();
  });
});
