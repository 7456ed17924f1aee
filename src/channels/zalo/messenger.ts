/**
 * Sends core replies to a Zalo chat, in order. Zalo has no buttons: a message is rendered as plain
 * text (choices as numbered lines and a hint); consecutive replies are sent together and split at
 * 2,000 UTF-16 units by the client, since every message counts against the monthly quota. A photo
 * goes by URL; if Zalo refuses it, its caption and URL are sent as text rather than lost.
 */
import { DeliveryError } from "../../core/delivery-error.ts";
import type { Address, ChannelCapabilities } from "../../core/model.ts";
import type { Messenger } from "../../core/ports.ts";
import type { Logger } from "../../logger.ts";
import { type PhotoReply, renderPhotoPlain, renderPlain } from "../render-plain.ts";
import { ZaloApiError } from "./api-error.ts";
import { ZALO_MAX_TEXT, type ZaloClient } from "./client.ts";

export const ZALO_CAPABILITIES: ChannelCapabilities = {
  buttons: false,
  maxTextLength: ZALO_MAX_TEXT,
  formatting: "plain",
};

export interface ZaloMessengerOptions {
  client: ZaloClient;
  logger: Logger;
  /** The hint line after numbered choices (a locale string), given the number of choices. */
  choiceHint(count: number, address: Address): string | Promise<string>;
}

/** `zalo:<chat id>` → the chat id; undefined for another channel's address. */
export function zaloChatId(address: Address): string | undefined {
  return address.startsWith("zalo:") && address.length > 5 ? address.slice(5) : undefined;
}

export function createZaloMessenger(options: ZaloMessengerOptions): Messenger {
  const { client, logger } = options;
  return {
    async send(address, replies) {
      const chatId = zaloChatId(address);
      if (chatId === undefined) throw new TypeError(`Not a Zalo address: ${address.split(":")[0]}:…`);
      // Consecutive texts go out together (fewer messages against the quota); a reply with choices
      // ends a group, so its numbers are the last thing the citizen reads.
      let texts: string[] = [];
      const flush = async () => {
        const text = texts.join("\n\n");
        texts = [];
        if (text.trim() !== "") await client.sendMessage(chatId, text);
      };
      for (const reply of replies) {
        if (reply.kind === "photo") {
          await flush();
          await sendPhoto(chatId, reply);
          continue;
        }
        const count = reply.choices?.length ?? 0;
        const choiceHint = count > 0 ? await options.choiceHint(count, address) : "";
        const text = renderPlain(reply, { choiceHint });
        if (text.trim() !== "") texts.push(text);
        if (count > 0) await flush();
      }
      await flush();
    },
  };

  async function sendPhoto(chatId: string, reply: PhotoReply): Promise<void> {
    try {
      await client.sendPhoto(chatId, reply.url, reply.caption?.trim() || undefined);
    } catch (error) {
      const refused = error instanceof ZaloApiError && error.kind === "api" && error.code === 400;
      if (!refused && !(error instanceof TypeError)) throw error;
      logger.warn({ err: error }, "zalo refused a photo; sending it as text");
      await client.sendMessage(chatId, renderPhotoPlain(reply));
    }
  }
}

/**
 * A Zalo failure as a `DeliveryError` for messages the core sends on its own. Zalo documents no
 * "blocked the bot" code (its 403 is labelled "Internal server error"), so nothing maps to
 * `blocked`: 429, 5xx, network and time-outs are `retry`, the rest `final`.
 */
export function classifyZaloError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof ZaloApiError) {
    const failure = error.retryable || error.kind === "aborted" ? "retry" : "final";
    return new DeliveryError(failure, error.message, {
      cause: error,
      ...(error.code !== undefined && { code: error.code }),
    });
  }
  if (error instanceof TypeError) return new DeliveryError("final", error.message, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError("retry", `Zalo send failed: ${message}`, { cause: error });
}

/** The messenger with its failures as `DeliveryError`s (what the channel exposes to the core). */
export function withDeliveryErrors(inner: Messenger): Messenger {
  return {
    async send(address, replies) {
      try {
        await inner.send(address, replies);
      } catch (error) {
        throw classifyZaloError(error);
      }
    },
  };
}
