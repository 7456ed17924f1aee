/** One line typed in the terminal → one core event, the way a chat platform would deliver it. */
import type { Address, InboundEvent } from "../../core/model.ts";

export const CONSOLE_ADDRESS: Address = "console:local";
export const CONSOLE_USER_ID = "local";

/** Typing any of these ends the session. */
export const EXIT_COMMANDS = new Set(["/thoat", "/thoát", "/exit", "/quit"]);

/** Longest line passed on; the rest is cut (a chat platform has a limit too). */
export const MAX_LINE_LENGTH = 4096;

export type LineOutcome = { kind: "event"; event: InboundEvent } | { kind: "exit" } | { kind: "empty" };

export function lineToEvent(line: string, receivedAt: number): LineOutcome {
  // Control characters (a stray escape sequence, a pasted tab) are not part of a question.
  const text = line
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, " ")
    .trim()
    .slice(0, MAX_LINE_LENGTH);
  if (text === "") return { kind: "empty" };
  if (EXIT_COMMANDS.has(text.toLowerCase())) return { kind: "exit" };
  const base = { address: CONSOLE_ADDRESS, userId: CONSOLE_USER_ID, receivedAt };
  const command = /^\/([A-Za-z][A-Za-z0-9_]{0,31})(?:\s+([\s\S]*))?$/.exec(text);
  if (!command) return { kind: "event", event: { ...base, kind: "text", text } };
  const name = command[1]!.toLowerCase();
  const args = command[2]?.trim() ?? "";
  if (name === "start") return { kind: "event", event: { ...base, kind: "start" } };
  return { kind: "event", event: { ...base, kind: "command", command: name, args } };
}
