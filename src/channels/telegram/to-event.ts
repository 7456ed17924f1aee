/**
 * A Telegram update → a core `InboundEvent`, or the reason it is ignored.
 *
 * Only private chats with people are served (groups and channels are ignored silently: the bot
 * must not talk in a group it was added to; the staff group comes with the hotline feature).
 * Text is cleaned of control characters and capped (see MAX_INBOUND_TEXT); commands
 * are recognised with or without the `@botname` suffix; callback data is checked for shape only.
 */
import type { Message, Update, User } from "grammy/types";
import type { Address, InboundEvent } from "../../core/model.ts";
import { cleanText, parseCommand } from "../inbound-text.ts";
import { isValidCallbackData } from "./keyboard.ts";

export { cleanText, MAX_INBOUND_TEXT, parseCommand } from "../inbound-text.ts";

export type IgnoreReason =
  | "not-private"
  | "from-bot"
  | "no-sender"
  | "other-bot-command"
  | "inline-callback"
  | "unhandled-update";

export type Translation =
  | { kind: "event"; event: InboundEvent; callbackQueryId?: string }
  /** A callback query whose data is not ours: answer it, tell the citizen, do not call the core. */
  | { kind: "bad-callback"; callbackQueryId: string; address: Address; userId: string }
  | { kind: "ignored"; reason: IgnoreReason; callbackQueryId?: string };

export function telegramAddress(chatId: number): Address {
  return `telegram:${chatId}`;
}

export function toInboundEvent(update: Update, botUsername: string, now: number): Translation {
  if (update.callback_query) {
    const query = update.callback_query;
    const callbackQueryId = query.id;
    if (query.from.is_bot) return { kind: "ignored", reason: "from-bot", callbackQueryId };
    const chat = query.message?.chat;
    if (!chat) return { kind: "ignored", reason: "inline-callback", callbackQueryId };
    if (chat.type !== "private") return { kind: "ignored", reason: "not-private", callbackQueryId };
    const base = baseOf(telegramAddress(chat.id), query.from, now);
    if (!isValidCallbackData(query.data)) {
      return { kind: "bad-callback", callbackQueryId, address: base.address, userId: base.userId };
    }
    return {
      kind: "event",
      event: { ...base, messageId: `cb:${query.id}`, kind: "choice", choiceId: query.data },
      callbackQueryId,
    };
  }

  const message = update.message;
  if (!message) return { kind: "ignored", reason: "unhandled-update" };
  if (message.chat.type !== "private") return { kind: "ignored", reason: "not-private" };
  if (!message.from) return { kind: "ignored", reason: "no-sender" };
  if (message.from.is_bot) return { kind: "ignored", reason: "from-bot" };
  const base = {
    ...baseOf(telegramAddress(message.chat.id), message.from, now),
    messageId: String(message.message_id),
  };

  if (message.text !== undefined) {
    const text = cleanText(message.text);
    const command = parseCommand(text);
    if (!command) return { kind: "event", event: { ...base, kind: "text", text } };
    if (command.mention !== undefined && command.mention.toLowerCase() !== botUsername.toLowerCase()) {
      return { kind: "ignored", reason: "other-bot-command" };
    }
    if (command.name === "start") {
      const payload = /^[A-Za-z0-9_-]{1,64}$/.test(command.args) ? command.args : undefined;
      return { kind: "event", event: { ...base, kind: "start", ...(payload !== undefined && { payload }) } };
    }
    return { kind: "event", event: { ...base, kind: "command", command: command.name, args: command.args } };
  }

  if (message.photo && message.photo.length > 0) {
    const largest = message.photo.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    const caption = message.caption === undefined ? undefined : cleanText(message.caption);
    return {
      kind: "event",
      event: {
        ...base,
        kind: "photo",
        photo: {
          fileId: largest.file_id,
          ...(largest.file_size !== undefined && { bytes: largest.file_size }),
        },
        ...(caption !== undefined && caption !== "" && { caption }),
      },
    };
  }

  return { kind: "event", event: { ...base, kind: "unsupported", what: unsupportedKind(message) } };
}

function baseOf(address: Address, from: User, now: number) {
  return {
    address,
    userId: String(from.id),
    receivedAt: now,
    ...(from.language_code !== undefined && { languageHint: from.language_code }),
  };
}

function unsupportedKind(message: Message): "sticker" | "voice" | "file" | "location" | "other" {
  if (message.sticker) return "sticker";
  if (message.voice || message.audio || message.video_note) return "voice";
  if (message.document || message.video || message.animation) return "file";
  if (message.location || message.venue) return "location";
  return "other";
}
