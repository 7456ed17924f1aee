/**
 * Zalo updates (webhook bodies and getUpdates results) → core `InboundEvent`s.
 *
 * Defensive by design (../shared/notes/zalo-bot-api.md §3): the body may be wrapped in
 * `{ ok, result }` or flat; images carry `photo_url` (seen live) or `photo` (the docs); stickers,
 * voice and `message.unsupported.received` become the core's `unsupported` event (it answers
 * politely); unknown event names are ignored. Text is cleaned like on every channel, and a typed
 * `/command` becomes a command event. There is no `update_id`: redeliveries are recognised by
 * `event_name:message_id`.
 */
import { z } from "zod";
import type { Address, InboundEvent } from "../../core/model.ts";
import { cleanText, parseCommand } from "../inbound-text.ts";

export const ZALO_EVENTS = {
  text: "message.text.received",
  image: "message.image.received",
  sticker: "message.sticker.received",
  voice: "message.voice.received",
  unsupported: "message.unsupported.received",
} as const;

export type InboundOutcome =
  | {
      kind: "event";
      event: InboundEvent;
      chatId: string;
      /** `event_name:message_id`, for de-duplication; undefined when the message has no id. */
      dedupKey: string | undefined;
    }
  | { kind: "ignored"; reason: "unknown-event" | "from-bot"; eventName: string | undefined }
  | { kind: "malformed"; reason: string };

const id = z.union([z.string().min(1).max(256), z.number()]).transform(String);

const messageSchema = z.looseObject({
  message_id: id.optional(),
  date: z.number().optional(),
  from: z
    .looseObject({
      id: id.optional(),
      is_bot: z.boolean().optional(),
    })
    .optional(),
  chat: z.looseObject({ id, chat_type: z.string().optional() }),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo_url: z.string().optional(),
  photo: z.unknown().optional(),
  url: z.string().optional(),
});

const updateSchema = z.looseObject({
  event_name: z.string().optional(),
  message: messageSchema,
});

type ZaloMessage = z.infer<typeof messageSchema>;

/** The update inside a webhook body: `{ ok: true, result: {...} }` (docs) or the update itself (seen live). */
export function unwrapUpdate(body: unknown): unknown {
  if (
    body !== null &&
    typeof body === "object" &&
    "result" in body &&
    (body as { ok?: unknown }).ok === true
  ) {
    return (body as { result: unknown }).result;
  }
  return body;
}

/** Narrows one update; never throws. `now` stamps `receivedAt`. */
export function toInboundEvent(update: unknown, now: number): InboundOutcome {
  const parsed = updateSchema.safeParse(update);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join(".") ?? "";
    return { kind: "malformed", reason: path ? `bad or missing ${path}` : "not an update object" };
  }
  const { message } = parsed.data;
  const eventName = parsed.data.event_name ?? inferEventName(message);
  if (message.from?.is_bot === true) return { kind: "ignored", reason: "from-bot", eventName };

  const chatId = message.chat.id;
  const base = {
    address: `zalo:${chatId}` as Address,
    userId: message.from?.id ?? chatId,
    receivedAt: now,
    ...(message.message_id !== undefined && { messageId: message.message_id }),
  };
  const event = ((): InboundEvent | undefined => {
    switch (eventName) {
      case ZALO_EVENTS.text: {
        // Zalo has no command menu, but the help text names /start, /lang…: they work when typed.
        const text = cleanText(message.text ?? "");
        const command = parseCommand(text);
        if (command === null) return { ...base, kind: "text", text };
        if (command.name === "start") return { ...base, kind: "start" };
        return { ...base, kind: "command", command: command.name, args: command.args };
      }
      case ZALO_EVENTS.image: {
        const url = photoUrl(message);
        return {
          ...base,
          kind: "photo",
          photo: url === undefined ? {} : { url },
          ...(message.caption !== undefined &&
            cleanText(message.caption) !== "" && { caption: cleanText(message.caption) }),
        };
      }
      case ZALO_EVENTS.sticker:
        return { ...base, kind: "unsupported", what: "sticker" };
      case ZALO_EVENTS.voice:
        return { ...base, kind: "unsupported", what: "voice" };
      case ZALO_EVENTS.unsupported:
        return { ...base, kind: "unsupported", what: "other" };
      default:
        return undefined;
    }
  })();
  if (event === undefined) return { kind: "ignored", reason: "unknown-event", eventName };
  return {
    kind: "event",
    event,
    chatId,
    dedupKey: message.message_id === undefined ? undefined : `${eventName}:${message.message_id}`,
  };
}

/** An early docs sample has no `event_name`: tell text and image apart by their fields. */
function inferEventName(message: ZaloMessage): string | undefined {
  if (typeof message.text === "string") return ZALO_EVENTS.text;
  if (photoUrl(message) !== undefined) return ZALO_EVENTS.image;
  return undefined;
}

/** `photo_url` (live payloads), else `photo` as a string, an object with `url`, or a list of either. */
function photoUrl(message: ZaloMessage): string | undefined {
  const candidates: unknown[] = [message.photo_url, message.photo];
  if (Array.isArray(message.photo)) candidates.push(...message.photo);
  for (const candidate of candidates) {
    const url =
      typeof candidate === "string"
        ? candidate
        : candidate !== null && typeof candidate === "object" && "url" in candidate
          ? (candidate as { url: unknown }).url
          : undefined;
    if (typeof url === "string" && /^https?:\/\//i.test(url)) return url;
  }
  return undefined;
}
