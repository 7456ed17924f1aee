/**
 * What every channel does to a citizen's text before the core sees it: control characters and
 * bidirectional overrides dropped (line breaks and tabs kept), NFC (Zalo and some keyboards send
 * NFD Vietnamese), trimmed, capped; and `/command args` recognised. Telegram, Zalo and the
 * terminal share these rules, so every channel hands the core the same events.
 */

/** A guard against absurd payloads: the core still gets enough to say it read only the beginning. */
export const MAX_INBOUND_TEXT = 16_384;

/** Control characters (C0, DEL, C1) and bidirectional overrides. */
const UNWANTED_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const KEPT_CONTROLS = new Set(["\n", "\t"]);

export function cleanText(raw: string): string {
  const cleaned = raw
    .replace(/\r\n?/g, "\n")
    .replace(UNWANTED_CHARACTERS, (c) => (KEPT_CONTROLS.has(c) ? c : ""));
  let text = cleaned.normalize("NFC").trim();
  if (text.length > MAX_INBOUND_TEXT) {
    let cut = MAX_INBOUND_TEXT;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    text = text.slice(0, cut);
  }
  return text;
}

export interface ParsedCommand {
  /** Lower case, without the slash. */
  name: string;
  /** `@name` after the command, if any. */
  mention?: string;
  args: string;
}

/** `/lang en` → `{ name: "lang", args: "en" }`; null when the text is not a command. */
export function parseCommand(text: string): ParsedCommand | null {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_.]{1,64}))?(?=\s|$)\s*([\s\S]*)$/.exec(text);
  if (!match) return null;
  const [, name, mention, args] = match;
  return {
    name: name!.toLowerCase(),
    ...(mention !== undefined && { mention }),
    args: (args ?? "").trim(),
  };
}
