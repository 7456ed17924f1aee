/**
 * Core choices as an inline keyboard, and the check of callback data coming back.
 *
 * The choice id travels as the button's callback_data unchanged. Telegram allows 1–64 bytes; we
 * also restrict it to visible ASCII, so anything else in a callback query is forged or corrupt and
 * never reaches the core. What an id means (and whether it is stale) is the core's business.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Choice } from "../../core/model.ts";

const CALLBACK_DATA = /^[\x21-\x7e]{1,64}$/;

export function isValidCallbackData(data: unknown): data is string {
  return typeof data === "string" && CALLBACK_DATA.test(data);
}

/** Labels up to this many characters sit two to a row. */
export const SHORT_LABEL = 18;

export interface KeyboardResult {
  markup: InlineKeyboardMarkup | undefined;
  /** Choices left out because their id cannot be callback data (a bug upstream, logged by the caller). */
  rejected: Choice[];
}

export function choicesKeyboard(choices: readonly Choice[]): KeyboardResult {
  const usable = choices.filter((c) => isValidCallbackData(c.id) && c.label.trim() !== "");
  const rejected = choices.filter((c) => !usable.includes(c));
  if (usable.length === 0) return { markup: undefined, rejected };
  const buttons: InlineKeyboardButton[] = usable.map((c) => ({
    text: c.label.replace(/\s+/g, " ").trim(),
    callback_data: c.id,
  }));
  // Runs of short labels go two to a row (👍 / 👎, Tiếng Việt / English); in a run of odd length
  // the first stands alone, so pairs at the end of a keyboard stay together. Long labels get a row.
  const isShort = (b: InlineKeyboardButton) => [...b.text].length <= SHORT_LABEL;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; ) {
    if (!isShort(buttons[i]!)) {
      rows.push([buttons[i++]!]);
      continue;
    }
    let end = i;
    while (end < buttons.length && isShort(buttons[end]!)) end++;
    if ((end - i) % 2 === 1) rows.push([buttons[i++]!]);
    for (; i < end; i += 2) rows.push(buttons.slice(i, i + 2));
  }
  return { markup: { inline_keyboard: rows }, rejected };
}
