/**
 * Telegram HTML (parse_mode "HTML"): escaping and the rendering of core blocks into lines.
 *
 * Every string that reaches Telegram from the catalogue or from a user goes through `escapeHtml`
 * (or `escapeAttribute` inside an attribute). A rendered line is kept as prefix + plain text +
 * suffix so that a long line can be cut in its plain text and each piece re-wrapped: a cut never
 * falls inside a tag or an entity.
 */
import type { Block } from "../../core/model.ts";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, "&quot;");
}

/** One line of a message: `prefix + escapeHtml(text) + suffix`, with balanced tags. */
export interface Line {
  prefix: string;
  text: string;
  suffix: string;
}

export const BULLET = "• ";
export const UNTICKED = "☐ ";
export const TICKED = "☑ ";

/** Links Telegram opens: web pages and tg:// links. Anything else is shown as text. */
const LINKABLE_URL = /^(https?|tg):\/\/[^\s\p{Cc}]+$/iu;

export function blockLines(block: Block): Line[] {
  switch (block.kind) {
    case "heading":
      return [{ prefix: "<b>", text: oneLine(block.text), suffix: "</b>" }];
    case "paragraph":
      return block.text.split(/\r?\n/).map((text) => ({ prefix: "", text, suffix: "" }));
    case "list":
      return block.items.map((item, i) => ({
        prefix: block.ordered ? `${i + 1}. ` : BULLET,
        text: item,
        suffix: "",
      }));
    case "checklist":
      return block.items.map((item) => ({
        prefix: item.done ? TICKED : UNTICKED,
        text: item.text,
        suffix: "",
      }));
    case "link":
      if (!LINKABLE_URL.test(block.url)) {
        return [{ prefix: "", text: `${block.label}: ${block.url}`, suffix: "" }];
      }
      return [
        { prefix: `<a href="${escapeAttribute(block.url)}">`, text: oneLine(block.label), suffix: "</a>" },
      ];
  }
}

export function lineHtml(line: Line): string {
  return `${line.prefix}${escapeHtml(line.text)}${line.suffix}`;
}

/** Headings and link labels are one line; a stray line break becomes a space. */
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ");
}
