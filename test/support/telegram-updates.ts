/**
 * Realistic Telegram updates for tests, shaped on what the Bot API delivers (private chat with a
 * Vietnamese user unless told otherwise). `update_id` is left out: the stand-in or the test sets it.
 */
import type { Message, Update } from "grammy/types";

export const citizen = { id: 5_550_001, is_bot: false, first_name: "Lan", language_code: "vi" } as const;

type UpdateBody = Omit<Update, "update_id">;

interface Options {
  chatId?: number;
  from?: { id: number; is_bot: boolean; first_name: string; language_code?: string };
  chatType?: "private" | "group" | "supergroup";
  messageId?: number;
}

let nextMessageId = 1;

function baseMessage(options: Options): Omit<Message, "text"> {
  const from = options.from ?? citizen;
  const chatId = options.chatId ?? from.id;
  const chat =
    (options.chatType ?? "private") === "private"
      ? { id: chatId, type: "private" as const, first_name: from.first_name }
      : { id: -Math.abs(chatId), type: options.chatType as "group", title: "Nhóm dân phố" };
  return {
    message_id: options.messageId ?? nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat,
    from,
  } as Omit<Message, "text">;
}

export function textUpdate(text: string, options: Options = {}): UpdateBody {
  const message = { ...baseMessage(options), text } as Message;
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (command) message.entities = [{ type: "bot_command", offset: 0, length: command[0].length }];
  return { message } as UpdateBody;
}

export function callbackUpdate(data: string, options: Options = {}): UpdateBody {
  const from = options.from ?? citizen;
  const message = { ...baseMessage(options), text: "…", from: { id: 1, is_bot: true, first_name: "Bot" } };
  return {
    callback_query: {
      id: `cq${nextMessageId++}`,
      from,
      chat_instance: "ci-1",
      message,
      data,
    },
  } as UpdateBody;
}

export function messageUpdate(extra: Partial<Message>, options: Options = {}): UpdateBody {
  return { message: { ...baseMessage(options), ...extra } } as UpdateBody;
}

export const stickerUpdate = (options: Options = {}) =>
  messageUpdate(
    {
      sticker: {
        file_id: "CAACAgIAAxkBAAE",
        file_unique_id: "AgADsticker",
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    },
    options,
  );

export const voiceUpdate = (options: Options = {}) =>
  messageUpdate({ voice: { file_id: "AwACAgIAAxkBAAE", file_unique_id: "AgADvoice", duration: 3 } }, options);

export const photoUpdate = (caption?: string, options: Options = {}) =>
  messageUpdate(
    {
      photo: [
        { file_id: "small", file_unique_id: "s", width: 90, height: 67, file_size: 1_200 },
        { file_id: "large", file_unique_id: "l", width: 1280, height: 960, file_size: 120_000 },
        { file_id: "medium", file_unique_id: "m", width: 320, height: 240, file_size: 14_000 },
      ],
      ...(caption !== undefined && { caption }),
    },
    options,
  );
