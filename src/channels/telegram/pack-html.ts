/**
 * Packs rendered blocks into Telegram messages of at most `limit` characters of HTML.
 *
 * Preference: keep a block whole in one message (and a heading with the block after it); else
 * break between lines; a line longer than the limit is cut in its plain text by `splitText`
 * (paragraph, line, then word boundaries; never mid-word unless a word is longer than a message)
 * and each piece is re-wrapped in the line's own tags, so a cut never falls inside a tag or an
 * `&amp;`-style entity. The limit is checked on the HTML source, which is never shorter than the
 * text Telegram counts, so a message always fits.
 */
import type { Block } from "../../core/model.ts";
import { MIN_SPLIT_LIMIT, splitText } from "../split-text.ts";
import { blockLines, escapeHtml, type Line, lineHtml } from "./html.ts";

export const TELEGRAM_TEXT_LIMIT = 4096;

export function packBlocks(blocks: readonly Block[], limit = TELEGRAM_TEXT_LIMIT): string[] {
  const messages: string[] = [];
  let current = "";
  /** The heading that ends `current`, kept so it can move on with its block. */
  let trailingHeading: string | null = null;

  const flush = () => {
    if (current !== "") messages.push(current);
    current = "";
    trailingHeading = null;
  };
  const append = (html: string, separator: string) => {
    current = current === "" ? html : `${current}${separator}${html}`;
  };

  for (const block of blocks) {
    const lines = blockLines(block).flatMap((line) => fitLine(line, limit));
    if (lines.every((line) => line === "")) continue;
    const html = lines.join("\n");
    const separator = trailingHeading !== null ? "\n" : "\n\n";
    const heading = trailingHeading;

    if (
      html.length <= limit &&
      (current === "" || current.length + separator.length + html.length <= limit)
    ) {
      append(html, separator);
    } else if (heading !== null && heading.length + 1 + html.length <= limit) {
      // Move the heading down with its block rather than leave it alone at the end of a message.
      current = current.slice(0, -heading.length).replace(/\n+$/, "");
      flush();
      current = `${heading}\n${html}`;
    } else if (html.length <= limit) {
      flush();
      current = html;
    } else {
      lines.forEach((line, i) => {
        const sep = i === 0 ? separator : "\n";
        if (current !== "" && current.length + sep.length + line.length > limit) flush();
        append(line, sep);
      });
    }
    trailingHeading = block.kind === "heading" ? html : null;
  }
  flush();
  return messages;
}

/** A line as HTML, cut into several lines when it is longer than `limit`. */
function fitLine(line: Line, limit: number): string[] {
  const html = lineHtml(line);
  if (html.length <= limit) return line.text.trim() === "" && line.prefix === "" ? [""] : [html];
  const room = limit - line.prefix.length - line.suffix.length;
  if (room < MIN_SPLIT_LIMIT * 5) {
    // The tags alone nearly fill a message (only with absurd limits): drop them, keep the words.
    return fitLine({ prefix: "", text: line.text, suffix: "" }, limit);
  }
  return splitEscaped(line.text, room).map((piece) => `${line.prefix}${escapeHtml(piece)}${line.suffix}`);
}

/** Splits plain text so that each piece, once escaped, is at most `room` characters. */
function splitEscaped(text: string, room: number): string[] {
  const pieces: string[] = [];
  let rest = text.replace(/^\s+/, "");
  while (rest !== "") {
    let limit = room;
    let piece = "";
    for (;;) {
      piece = splitText(rest, limit)[0] ?? "";
      const escaped = escapeHtml(piece).length;
      if (escaped <= room || limit <= MIN_SPLIT_LIMIT) break;
      // Escaping lengthened it (& → &amp;): cut earlier, with the plain limit scaled down.
      limit = Math.max(
        MIN_SPLIT_LIMIT,
        Math.min(piece.length - 1, Math.floor((room * piece.length) / escaped)),
      );
    }
    if (piece === "") break;
    pieces.push(piece);
    // splitText keeps the text in order and only drops whitespace at cuts.
    rest = rest.slice(piece.length).replace(/^\s+/, "");
  }
  return pieces;
}
