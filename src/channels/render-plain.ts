/**
 * Renders core replies as plain text, for channels without formatting or buttons (Zalo, the
 * terminal). Choices become numbered lines ("1. …") followed by a hint line (from the locale files)
 * telling the citizen to answer with the number; the core resolves the number or the label back to
 * the choice.
 *
 * Layout: blocks are separated by a blank line, except that a heading is followed directly by the
 * block under it. Bulleted lists use "•", ordered lists "1)" (so they are not mistaken for choices),
 * checklists "☐"/"☑", links "label: url". Continuation lines of a multi-line item are indented under
 * its text. Nothing is escaped: the output is never interpreted as markup.
 */
import type { Block, Choice, Reply } from "../core/model.ts";

export interface PlainTextOptions {
  /** The line shown after numbered choices, e.g. "Bạn trả lời bằng số để chọn." (locale string). */
  choiceHint: string;
}

export type MessageReply = Extract<Reply, { kind: "message" }>;
export type PhotoReply = Extract<Reply, { kind: "photo" }>;

/** A message reply (blocks, then numbered choices and the hint) as plain text. */
export function renderPlain(reply: MessageReply, options: PlainTextOptions): string {
  const parts: string[] = [];
  const body = renderBlocks(reply.blocks);
  if (body.length > 0) parts.push(body);
  const choices = renderChoices(reply.choices ?? [], options.choiceHint);
  if (choices.length > 0) parts.push(choices);
  return parts.join("\n\n");
}

/** A photo reply as plain text, for channels that cannot show images: the caption, then the URL. */
export function renderPhotoPlain(reply: PhotoReply): string {
  const caption = reply.caption?.trim();
  return caption ? `${caption}\n${reply.url}` : reply.url;
}

/** Any reply as plain text. */
export function renderReplyPlain(reply: Reply, options: PlainTextOptions): string {
  return reply.kind === "message" ? renderPlain(reply, options) : renderPhotoPlain(reply);
}

export function renderBlocks(blocks: readonly Block[]): string {
  let out = "";
  let previous: Block | undefined;
  for (const block of blocks) {
    const text = renderBlock(block);
    if (text.length === 0) continue;
    if (out.length > 0) out += previous?.kind === "heading" ? "\n" : "\n\n";
    out += text;
    previous = block;
  }
  return out;
}

/** Numbered choices ("1. label"), then the hint line; empty when there are no choices. */
export function renderChoices(choices: readonly Choice[], hint: string): string {
  if (choices.length === 0) return "";
  const lines = choices.map((choice, i) => item(`${i + 1}.`, choice.label));
  const trimmedHint = hint.trim();
  if (trimmedHint.length > 0) lines.push(trimmedHint);
  return lines.join("\n");
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
    case "paragraph":
      return block.text.trim();
    case "list":
      return block.items
        .filter((text) => text.trim().length > 0)
        .map((text, i) => item(block.ordered ? `${i + 1})` : "•", text))
        .join("\n");
    case "checklist":
      return block.items
        .filter((entry) => entry.text.trim().length > 0)
        .map((entry) => item(entry.done ? "☑" : "☐", entry.text))
        .join("\n");
    case "link": {
      const label = block.label.trim();
      return label.length > 0 ? `${label}: ${block.url}` : block.url;
    }
  }
}

/** One item line: marker, space, text; further lines of the text indented under the text. */
function item(marker: string, text: string): string {
  const indent = " ".repeat(marker.length + 1);
  const [first = "", ...rest] = text.trim().split(/\r?\n/);
  return [`${marker} ${first}`, ...rest.map((line) => `${indent}${line.trim()}`)].join("\n");
}
