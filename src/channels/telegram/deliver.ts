/**
 * Sends rendered replies to one chat, in order. Texts go as HTML without link previews; the
 * keyboard rides on the last message of a reply.
 *
 * Should Telegram ever refuse our HTML ("can't parse entities"), the message is sent again as
 * plain text rather than lost.
 */
import { type Api, GrammyError, type RawApi } from "grammy";
import type { Reply } from "../../core/model.ts";
import type { Logger } from "../../logger.ts";
import { type OutgoingMessage, renderReplies } from "./render.ts";

export async function deliverReplies(
  api: Api<RawApi>,
  chatId: number,
  replies: readonly Reply[],
  logger: Logger,
): Promise<void> {
  const { messages, rejectedChoices } = renderReplies(replies);
  if (rejectedChoices.length > 0) {
    logger.error(
      { choiceIds: rejectedChoices.map((c) => c.id.slice(0, 80)) },
      "choices left out: id is not valid callback data",
    );
  }
  for (const message of messages) await send(api, chatId, message);
}

async function send(api: Api<RawApi>, chatId: number, message: OutgoingMessage): Promise<void> {
  if (message.method === "sendPhoto") {
    await api.sendPhoto(chatId, message.photo, {
      ...(message.caption !== undefined && { caption: message.caption, parse_mode: "HTML" }),
    });
    return;
  }
  const markup = message.replyMarkup ? { reply_markup: message.replyMarkup } : {};
  try {
    await api.sendMessage(chatId, message.text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...markup,
    });
  } catch (error) {
    if (
      !(error instanceof GrammyError && error.error_code === 400 && /parse entities/i.test(error.description))
    ) {
      throw error;
    }
    await api.sendMessage(chatId, htmlToPlain(message.text), {
      link_preview_options: { is_disabled: true },
      ...markup,
    });
  }
}

/** Our own HTML back to the text it shows: tags dropped, entities decoded. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
