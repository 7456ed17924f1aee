/**
 * The Telegram side of broadcasts: a Bot API client of its own that never retries by itself (a 429
 * must reach the broadcast's pacer, which pauses every send for `retry_after`, not just one), and
 * the staff chat's progress message, posted once and then edited in place.
 */
import { Api, type RawApi } from "grammy";
import type { StatusBoard } from "../../broadcast/progress.ts";
import type { TelegramConfig } from "../../config.ts";
import type { Logger } from "../../logger.ts";
import { hardenApi } from "./api-client.ts";
import { escapeHtml } from "./html.ts";
import { telegramChatId } from "./messenger.ts";

export function createBroadcastApi(
  config: Pick<TelegramConfig, "token" | "apiRoot">,
  logger: Logger,
): Api<RawApi> {
  const api = new Api(config.token, { apiRoot: config.apiRoot });
  hardenApi(api, { requestTimeoutMs: 15_000, maxRetryAttempts: 0, maxRetryDelaySeconds: 0 }, logger);
  return api;
}

export function createTelegramStatusBoard(api: Api<RawApi>): StatusBoard {
  const chat = (address: string) => {
    const id = telegramChatId(address as `telegram:${string}`);
    if (id === undefined) throw new Error("not a Telegram chat address");
    return id;
  };
  return {
    async post(address, text) {
      const sent = await api.sendMessage(chat(address), escapeHtml(text), { parse_mode: "HTML" });
      return String(sent.message_id);
    },
    async edit(address, messageId, text) {
      try {
        await api.editMessageText(chat(address), Number(messageId), escapeHtml(text), { parse_mode: "HTML" });
      } catch (error) {
        // Telegram refuses an edit that changes nothing; that is not a failure here.
        if (error instanceof Error && /message is not modified/i.test(error.message)) return;
        throw error;
      }
    },
  };
}
