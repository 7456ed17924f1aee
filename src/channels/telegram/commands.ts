/**
 * The bot's command menu, in Vietnamese and English, from the locale files. Set at start-up with
 * setMyCommands: once per language, plus a default (Vietnamese) for clients in other languages.
 */
import type { Api, RawApi } from "grammy";
import type { BotCommand } from "grammy/types";
import type { Locale } from "../../core/model.ts";
import type { MessageKey } from "../../locales/index.ts";

/** Every command that has a description in the locale files (`command.<name>`). */
export type CommandName = MessageKey extends infer K ? (K extends `command.${infer N}` ? N : never) : never;

/** What the assistant answers whatever runs: look-up, checklists, announcements, language. */
export const CITIZEN_COMMANDS: readonly CommandName[] = [
  "start",
  "help",
  "hoso",
  "dangky",
  "tintuc",
  "huydangky",
  "lang",
];

/** The hotline's citizen commands (send feedback, see its status), shown when the hotline runs. */
export const HOTLINE_COMMANDS: readonly CommandName[] = ["phananh", "trangthai"];

export type Translator = (locale: Locale, key: MessageKey) => string;

export function commandList(locale: Locale, commands: readonly CommandName[], t: Translator): BotCommand[] {
  return commands.map((command) => ({
    command,
    // Telegram's limit for a description.
    description: t(locale, `command.${command}` as MessageKey).slice(0, 256),
  }));
}

export async function setCommands(
  api: Api<RawApi>,
  commands: readonly CommandName[],
  t: Translator,
): Promise<void> {
  await api.setMyCommands(commandList("vi", commands, t));
  await api.setMyCommands(commandList("vi", commands, t), { language_code: "vi" });
  await api.setMyCommands(commandList("en", commands, t), { language_code: "en" });
}
