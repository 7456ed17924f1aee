/**
 * Realistic Zalo Bot API updates for tests, shaped on the payloads captured from the real webhook
 * (../shared/notes/zalo-bot-api.md §3): 20-hex-character ids, dates in epoch milliseconds, a private
 * chat whose id equals the sender's.
 */
import { randomBytes } from "node:crypto";
import type { ZaloUpdate } from "./zalo-api-stand-in.ts";

let counter = 0;

/** A realistic inbound update (ids are 20 hex characters, dates epoch milliseconds). */
export function zaloUpdate(
  eventName: string,
  chatId: string,
  fields: Record<string, unknown> = {},
  messageId = `${randomBytes(8).toString("hex")}${(counter++ % 0xffff).toString(16).padStart(4, "0")}`,
): ZaloUpdate {
  return {
    event_name: eventName,
    message: {
      message_id: messageId,
      date: Date.now(),
      from: { id: chatId, display_name: "Nguyễn Văn A", is_bot: false },
      chat: { id: chatId, chat_type: "PRIVATE" },
      ...fields,
    },
  };
}

export const zaloText = (chatId: string, text: string, messageId?: string): ZaloUpdate =>
  zaloUpdate("message.text.received", chatId, { text }, messageId);
