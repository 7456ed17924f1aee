/** Typed message lookup: `t(locale, key, vars)`. Every citizen-facing string comes through here. */
import type { Locale } from "../core/model.ts";
import { en } from "./en.ts";
import { type MessageKey, type Messages, vi } from "./vi.ts";

export type { MessageKey, Messages } from "./vi.ts";

export const locales: Readonly<Record<Locale, Messages>> = { vi, en };

export const supportedLocales: readonly Locale[] = ["vi", "en"];

export function isLocale(value: unknown): value is Locale {
  return value === "vi" || value === "en";
}

export type MessageVars = Readonly<Record<string, string | number>>;

/** The message for `key` in `locale`, with `{name}` placeholders filled from `vars`. */
export function t(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  const template = locales[locale][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** A translator bound to one locale, handy inside flows and renderers. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export function translator(locale: Locale): Translate {
  return (key, vars) => t(locale, key, vars);
}

/** The line under numbered choices ("1 to 3", or just "1" when there is one). */
export function choiceHint(tr: Translate, count: number): string {
  return count === 1 ? tr("choice.hintOne") : tr("choice.hint", { max: count });
}

/** The answer to a typed number that is not among the choices. */
export function pickNumberHint(tr: Translate, count: number): string {
  return count === 1 ? tr("input.pickOne") : tr("input.pickNumber", { max: count });
}
