/**
 * The Telegram messenger: sends core replies to any `telegram:<chat id>` address (a citizen's
 * private chat or the staff group) with the same rendering as answers (`deliverReplies`), and turns
 * Bot API failures into `DeliveryError`s: 403 → blocked, 429 / 5xx / network → retry (with
 * Telegram's `retry_after`), anything else → final.
 */
import { type Api, GrammyError, HttpError, type RawApi } from "grammy";
import { DeliveryError } from "../../core/delivery-error.ts";
import type { Address } from "../../core/model.ts";
import type { Messenger } from "../../core/ports.ts";
import type { Logger } from "../../logger.ts";
import { deliverReplies } from "./deliver.ts";

/** `telegram:<chat id>` → the chat id; undefined for anything else. */
export function telegramChatId(address: Address): number | undefined {
  const match = /^telegram:(-?\d{1,20})$/.exec(address);
  if (!match) return undefined;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) ? id : undefined;
}

export function createTelegramMessenger(api: Api<RawApi>, logger: Logger): Messenger {
  return {
    async send(address, replies) {
      const chatId = telegramChatId(address);
      if (chatId === undefined) throw new DeliveryError("final", "not a Telegram chat address");
      try {
        await deliverReplies(api, chatId, replies, logger);
      } catch (error) {
        throw classifyTelegramError(error);
      }
    },
  };
}

export function classifyTelegramError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof GrammyError) {
    const code = error.error_code;
    const message = `Telegram ${error.method} failed (${code})`;
    if (code === 403) return new DeliveryError("blocked", message, { code, cause: error });
    if (code === 429) {
      const seconds = error.parameters.retry_after;
      return new DeliveryError("retry", message, {
        code,
        cause: error,
        ...(seconds !== undefined && { retryAfterMs: seconds * 1000 }),
      });
    }
    if (code >= 500) return new DeliveryError("retry", message, { code, cause: error });
    return new DeliveryError("final", message, { code, cause: error });
  }
  if (error instanceof HttpError) {
    return new DeliveryError("retry", "Telegram could not be reached", { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError("retry", `Telegram send failed: ${message}`, { cause: error });
}
