/**
 * Splits a long text into chunks a platform accepts (Zalo: 2,000, Telegram: 4,096 UTF-16 code units).
 *
 * Each chunk is at most `limit` UTF-16 code units (JavaScript string length). Cuts are made, in order
 * of preference, at the last paragraph break (blank line) or line break that fits and fills at least
 * half the chunk, else at the last line break or space that fits; only a
 * single word longer than the limit is cut inside, and then between grapheme clusters (so a
 * surrogate pair, an emoji sequence or a letter with its NFD combining marks stays whole), or, for a
 * cluster longer than the limit, between code points. The whitespace at a cut is dropped; every
 * other character is kept, in order.
 */

/** Whitespace a line may be broken at; no-break spaces (U+00A0, U+2007, U+202F) are excluded. */
const BREAKABLE_SPACE = /[ \t\f\v\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]/;
const LINE_BREAK = /\r?\n|[\r\u2028\u2029]/;
const PARAGRAPH_BREAK = /(?:\r?\n|[\r\u2028\u2029])[ \t]*(?:\r?\n|[\r\u2028\u2029])/;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The smallest limit that always fits one code point. */
export const MIN_SPLIT_LIMIT = 2;

export function splitText(text: string, limit: number): string[] {
  if (!Number.isInteger(limit) || limit < MIN_SPLIT_LIMIT) {
    throw new RangeError(`splitText: limit must be an integer >= ${MIN_SPLIT_LIMIT}, got ${limit}`);
  }
  const chunks: string[] = [];
  let rest = trimBreaks(text);
  while (rest.length > limit) {
    const cut = findCut(rest, limit);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk.length > 0) chunks.push(chunk);
    rest = trimBreaks(rest.slice(cut));
  }
  if (rest.trim().length > 0) chunks.push(rest.trimEnd());
  return chunks;
}

/** Drops the whitespace at a cut (the break or spaces that separated this chunk from the last). */
function trimBreaks(s: string): string {
  return s.replace(/^\s+/, "");
}

/**
 * Index to cut `s` at: 0 < cut ≤ limit, and `s.length > limit`. A paragraph or line break is taken
 * when it fills at least half the chunk (fewer, fuller messages: Zalo counts messages against a
 * monthly quota); otherwise the last line break, then the last space, then a cut inside the word.
 */
function findCut(s: string, limit: number): number {
  // A break that starts at or before the limit ends a chunk that fits; look a little past the limit
  // so a break starting right at it is seen whole.
  const window = s.slice(0, limit + WINDOW_SLACK);
  const half = Math.ceil(limit / 2);
  const preferences: [RegExp, number][] = [
    [PARAGRAPH_BREAK, half],
    [LINE_BREAK, half],
    [LINE_BREAK, 1],
    [BREAKABLE_SPACE, 1],
  ];
  for (const [pattern, minimum] of preferences) {
    const at = lastMatchAtOrBefore(window, pattern, limit);
    if (at >= minimum) return at;
  }
  return hardCut(s, limit);
}

const WINDOW_SLACK = 64;

function lastMatchAtOrBefore(s: string, pattern: RegExp, maxIndex: number): number {
  let last = -1;
  for (const match of s.matchAll(new RegExp(pattern.source, "g"))) {
    if (match.index > maxIndex) break;
    last = match.index;
  }
  return last;
}

/** Cuts inside a word: at the last grapheme boundary that fits, else at the last code point that fits. */
function hardCut(s: string, limit: number): number {
  let cut = 0;
  for (const { index, segment } of graphemes.segment(s.slice(0, limit + WINDOW_SLACK))) {
    if (index + segment.length > limit) break;
    cut = index + segment.length;
  }
  if (cut > 0) return cut;
  // One grapheme cluster longer than the limit: split between code points.
  const code = s.charCodeAt(limit - 1);
  const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
  return isHighSurrogate ? limit - 1 : limit;
}
