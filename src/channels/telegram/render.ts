/**
 * Core replies → the Telegram messages to send, in order.
 *
 * A message reply becomes one or more HTML texts within Telegram's limit, with the choices as an
 * inline keyboard on the last one. A photo reply becomes a sendPhoto; a caption longer than
 * Telegram's caption limit is sent as text messages after the photo instead.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Choice, Reply } from "../../core/model.ts";
import { escapeHtml } from "./html.ts";
import { choicesKeyboard } from "./keyboard.ts";
import { packBlocks, TELEGRAM_TEXT_LIMIT } from "./pack-html.ts";

export const TELEGRAM_CAPTION_LIMIT = 1024;

export type OutgoingMessage =
  | { method: "sendMessage"; text: string; replyMarkup?: InlineKeyboardMarkup }
  | { method: "sendPhoto"; photo: string; caption?: string };

export interface Rendered {
  messages: OutgoingMessage[];
  rejectedChoices: Choice[];
}

export function renderReplies(replies: readonly Reply[], limit = TELEGRAM_TEXT_LIMIT): Rendered {
  const messages: OutgoingMessage[] = [];
  const rejectedChoices: Choice[] = [];
  for (const reply of replies) {
    if (reply.kind === "photo") {
      const caption = reply.caption?.trim() ?? "";
      const captionHtml = escapeHtml(caption);
      if (caption === "") {
        messages.push({ method: "sendPhoto", photo: reply.url });
      } else if (captionHtml.length <= TELEGRAM_CAPTION_LIMIT) {
        messages.push({ method: "sendPhoto", photo: reply.url, caption: captionHtml });
      } else {
        messages.push({ method: "sendPhoto", photo: reply.url });
        for (const text of packBlocks([{ kind: "paragraph", text: caption }], limit)) {
          messages.push({ method: "sendMessage", text });
        }
      }
      continue;
    }
    const texts = packBlocks(reply.blocks, limit);
    const keyboard = choicesKeyboard(reply.choices ?? []);
    rejectedChoices.push(...keyboard.rejected);
    // Choices with no text still need a message to hang on.
    if (texts.length === 0 && keyboard.markup) texts.push("…");
    texts.forEach((text, i) => {
      const last = i === texts.length - 1;
      messages.push(
        last && keyboard.markup
          ? { method: "sendMessage", text, replyMarkup: keyboard.markup }
          : { method: "sendMessage", text },
      );
    });
  }
  return { messages, rejectedChoices };
}
