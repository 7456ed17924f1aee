/**
 * A Telegram update → a staff-desk event, when it comes from the staff group (STAFF_CHAT_ID) or
 * from a staff member in private; otherwise null and the citizen side (`toInboundEvent`) takes it.
 *
 * Whether the sender really is staff is decided by the desk, not here: in the staff group every
 * sender's update goes to the desk, which refuses non-staff politely.
 */
import type { Message, Update } from "grammy/types";
import type { StaffEvent } from "../../staff/desk.ts";
import { cleanText, parseCommand } from "../inbound-text.ts";
import { isValidCallbackData } from "./keyboard.ts";
import { telegramAddress } from "./to-event.ts";

export interface StaffRouting {
  /** STAFF_CHAT_ID, or null. */
  chatId: string | null;
  /** Whether a Telegram user id is a staff member (private chats of staff go to the desk first). */
  isStaff(userId: string): boolean;
}

export type StaffTranslation =
  | { kind: "staff"; event: StaffEvent; callbackQueryId?: string }
  /** From the staff group but nothing for the desk (a bot, a service message, another bot's command). */
  | { kind: "ignored"; callbackQueryId?: string };

export function toStaffEvent(
  update: Update,
  botUsername: string,
  routing: StaffRouting,
  now: number,
): StaffTranslation | null {
  const query = update.callback_query;
  const message = query ? query.message : update.message;
  const chat = message?.chat;
  const from = query ? query.from : update.message?.from;
  if (!chat || !from) return null;
  const inStaffChat = routing.chatId !== null && String(chat.id) === routing.chatId;
  const privateStaff = chat.type === "private" && routing.isStaff(String(from.id));
  if (!inStaffChat && !privateStaff) return null;
  const callbackQueryId = query?.id;
  if (from.is_bot) return { kind: "ignored", ...(callbackQueryId !== undefined && { callbackQueryId }) };

  const base = {
    channel: "telegram" as const,
    address: telegramAddress(chat.id),
    userId: String(from.id),
    place: inStaffChat ? ("staff-chat" as const) : ("private" as const),
    receivedAt: now,
  };

  if (query) {
    if (!isValidCallbackData(query.data)) return { kind: "ignored", callbackQueryId: query.id };
    return {
      kind: "staff",
      event: {
        ...base,
        messageId: `cb:${query.id}`,
        kind: "choice",
        choiceId: query.data,
        ...cardOf(query.message),
      },
      callbackQueryId: query.id,
    };
  }

  const msg = update.message as Message;
  const replyTo = repliedToBot(msg, botUsername);
  const withMessage = { ...base, messageId: String(msg.message_id), ...(replyTo && { replyTo }) };
  if (msg.text !== undefined) {
    const text = cleanText(msg.text);
    const command = parseCommand(text);
    if (!command) return { kind: "staff", event: { ...withMessage, kind: "text", text } };
    if (command.mention !== undefined && command.mention.toLowerCase() !== botUsername.toLowerCase()) {
      return { kind: "ignored" };
    }
    return {
      kind: "staff",
      event: { ...withMessage, kind: "command", command: command.name, args: command.args },
    };
  }
  if (msg.photo && msg.photo.length > 0) {
    const largest = msg.photo.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    const caption = msg.caption === undefined ? undefined : cleanText(msg.caption);
    return {
      kind: "staff",
      event: {
        ...withMessage,
        kind: "photo",
        photo: {
          fileId: largest.file_id,
          ...(largest.file_size !== undefined && { bytes: largest.file_size }),
        },
        ...(caption && { caption }),
      },
    };
  }
  return { kind: "ignored" };
}

/** The bot's message a button sits on, as the `replyTo` of the choice (the card the button belongs to). */
function cardOf(message: unknown): { replyTo?: { messageId: string; text: string } } {
  const m = message as { message_id?: number; text?: string; caption?: string } | undefined;
  if (!m || m.message_id === undefined) return {};
  return { replyTo: { messageId: String(m.message_id), text: m.text ?? m.caption ?? "" } };
}

/** The replied-to message, only when it is the bot's own. */
function repliedToBot(msg: Message, botUsername: string): { messageId: string; text: string } | undefined {
  const target = msg.reply_to_message;
  if (!target?.from?.is_bot || target.from.username?.toLowerCase() !== botUsername.toLowerCase())
    return undefined;
  return { messageId: String(target.message_id), text: target.text ?? target.caption ?? "" };
}
